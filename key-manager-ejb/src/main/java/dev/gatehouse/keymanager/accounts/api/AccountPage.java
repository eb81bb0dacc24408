package dev.gatehouse.keymanager.accounts.api;

import java.util.List;

/** One page of accounts, by username. */
public record AccountPage(List<AccountView> items, int page, int size, long total) {
}
