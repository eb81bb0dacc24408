package dev.gatehouse.keymanager.revocations;

import dev.gatehouse.keymanager.audit.AuditLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An AuditLog that remembers what it was told, for tests of the features that audit. */
public final class RecordingAuditLog extends AuditLog {

    public record Entry(String outcome, String actor, String action, String targetType, String targetId) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void success(String actor, String action, String targetType, Object targetId, String detail) {
        entries.add(new Entry("SUCCESS", actor, action, targetType, String.valueOf(targetId)));
    }

    @Override
    public void failure(String actor, String action, String targetType, Object targetId, String detail) {
        entries.add(new Entry("FAILURE", actor, action, targetType, String.valueOf(targetId)));
    }

    @Override
    public void denied(String actor, String action, String targetType, Object targetId, String detail) {
        entries.add(new Entry("DENIED", actor, action, targetType, String.valueOf(targetId)));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }
}
