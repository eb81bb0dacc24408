package dev.gatehouse.keymanager.subscriptions.api;

import java.util.List;

/** One page of subscriptions, counted from 0, and how many there are in all. */
public record SubscriptionPage(List<SubscriptionView> items, int page, int size, long total) {
}
