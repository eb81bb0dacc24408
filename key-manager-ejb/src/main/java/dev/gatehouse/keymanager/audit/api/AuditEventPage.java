package dev.gatehouse.keymanager.audit.api;

import java.util.List;

public record AuditEventPage(List<AuditEventView> items, int page, int size, long total) {
}
