-- Windows counted exactly across the nodes: quotas of an hour or longer, and per-minute limits of at most 60.
-- One row per window, shared by every node; a request is admitted by one conditional update
-- (requests < limit), so no plan admits more than its limit however its calls are spread over the nodes.
CREATE TABLE exact_rate_counts (
    counter_key     VARCHAR(120) NOT NULL,
    window_start    BIGINT NOT NULL,
    window_end      BIGINT NOT NULL,
    requests        BIGINT NOT NULL,
    PRIMARY KEY (counter_key, window_start)
);
CREATE INDEX ix_exact_rate_counts_end ON exact_rate_counts (window_end);
