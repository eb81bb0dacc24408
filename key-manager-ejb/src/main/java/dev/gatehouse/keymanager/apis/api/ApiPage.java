package dev.gatehouse.keymanager.apis.api;

import java.util.List;

public record ApiPage(List<ApiView> items, int page, int size, long total) {
}
