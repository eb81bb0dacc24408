-- What the gateway served and refused, per application, API, environment, operation, status and reason, in
-- minute buckets (kept 48 h) and hour buckets (kept 90 days). Each node writes only its own rows (node_id), with
-- the absolute counts it holds for the bucket, so two nodes never write the same row and a retried batch is
-- harmless; reports sum over the nodes. No foreign keys: a call counted just before its application was deleted
-- must not make the batch fail; such rows leave with the retention.
CREATE TABLE usage_counts (
    granularity         CHAR(1) NOT NULL,
    bucket_start        BIGINT NOT NULL,
    node_id             VARCHAR(36) NOT NULL,
    application_id      UUID NOT NULL,
    api_id              UUID NOT NULL,
    api_name            VARCHAR(300) NOT NULL,
    environment         VARCHAR(16) NOT NULL,
    operation           VARCHAR(300) NOT NULL,
    status              INTEGER NOT NULL,
    reason              VARCHAR(64) NOT NULL,
    calls               BIGINT NOT NULL,
    latency_histogram   VARCHAR(300) NOT NULL,
    PRIMARY KEY (granularity, bucket_start, node_id, application_id, api_id, environment, operation, status, reason)
);
CREATE INDEX ix_usage_counts_application ON usage_counts (application_id, granularity, bucket_start);
CREATE INDEX ix_usage_counts_api ON usage_counts (api_id, granularity, bucket_start);
CREATE INDEX ix_usage_counts_bucket ON usage_counts (granularity, bucket_start);

-- The latest refusals, one row each, so that a developer sees why calls were refused (never the token).
CREATE TABLE usage_refusals (
    id                  UUID PRIMARY KEY,
    refused_at          BIGINT NOT NULL,
    application_id      UUID NOT NULL,
    api_id              UUID NOT NULL,
    api_name            VARCHAR(300) NOT NULL,
    environment         VARCHAR(16) NOT NULL,
    method              VARCHAR(16) NOT NULL,
    path                VARCHAR(300) NOT NULL,
    status              INTEGER NOT NULL,
    reason              VARCHAR(64) NOT NULL,
    description         VARCHAR(500) NOT NULL
);
CREATE INDEX ix_usage_refusals_application ON usage_refusals (application_id, refused_at);
CREATE INDEX ix_usage_refusals_api ON usage_refusals (api_id, refused_at);
CREATE INDEX ix_usage_refusals_at ON usage_refusals (refused_at);
