package dev.gatehouse.keymanager.usage.api;

import jakarta.ejb.Local;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** Where the gateway's nodes write what they counted, in batches off the request path. */
@Local
public interface UsageRecorder {

    /** One transaction: the node's cells (replacing what it wrote for them before) and new refusals. */
    void record(@NotNull String nodeId, @NotNull List<UsageCell> cells, @NotNull List<RefusedCall> refusals);
}
