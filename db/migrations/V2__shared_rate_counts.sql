-- Rate-limit windows shared between the nodes of a cluster. Each gateway instance writes only its own rows
-- (node_id is drawn at start), so writers never contend; the admitted count of a window is the sum over nodes.
-- Windows are aligned to the clock and kept as epoch milliseconds, the same numbers on every node.
CREATE TABLE rate_counts (
    counter_key     VARCHAR(80) NOT NULL,
    window_start    BIGINT NOT NULL,
    node_id         VARCHAR(36) NOT NULL,
    window_end      BIGINT NOT NULL,
    requests        BIGINT NOT NULL,
    PRIMARY KEY (counter_key, window_start, node_id)
);
CREATE INDEX ix_rate_counts_end ON rate_counts (window_end);
