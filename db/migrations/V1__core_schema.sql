-- Gatehouse core schema. Runs unchanged on H2 2.2 and PostgreSQL 15+.
-- Identifiers of things users see are UUIDs made by the application (nothing to enumerate);
-- append-only logs take their ids from sequences (portable through JPA on both databases).
-- *_key columns hold the trimmed, lower-cased form of a name so that uniqueness is case-insensitive
-- on both databases (H2 has no expression indexes).
-- row_version is the JPA optimistic-lock counter.

CREATE TABLE accounts (
    id              UUID PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL,
    username_key    VARCHAR(64)  NOT NULL,
    email           VARCHAR(254) NOT NULL,
    email_key       VARCHAR(254) NOT NULL,
    display_name    VARCHAR(100) NOT NULL,
    password_hash   VARCHAR(512) NOT NULL,
    status          VARCHAR(16)  NOT NULL DEFAULT 'ACTIVE',
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version     BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_accounts_username UNIQUE (username_key),
    CONSTRAINT uq_accounts_email UNIQUE (email_key),
    CONSTRAINT ck_accounts_status CHECK (status IN ('ACTIVE', 'LOCKED'))
);

CREATE TABLE account_roles (
    account_id      UUID NOT NULL,
    role_name       VARCHAR(16) NOT NULL,
    CONSTRAINT pk_account_roles PRIMARY KEY (account_id, role_name),
    CONSTRAINT fk_account_roles_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
    CONSTRAINT ck_account_roles_role CHECK (role_name IN ('DEVELOPER', 'PUBLISHER', 'ADMIN'))
);

-- Business plans (subscription tiers). A NULL request_limit means unlimited.
CREATE TABLE plans (
    id                  UUID PRIMARY KEY,
    name                VARCHAR(64)  NOT NULL,
    name_key            VARCHAR(64)  NOT NULL,
    description         VARCHAR(500),
    request_limit       BIGINT,
    time_unit           VARCHAR(8),
    burst_limit         BIGINT,
    requires_approval   BOOLEAN NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version         BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_plans_name UNIQUE (name_key),
    CONSTRAINT ck_plans_unit CHECK (time_unit IN ('SECOND', 'MINUTE', 'HOUR', 'DAY')),
    CONSTRAINT ck_plans_limit CHECK ((request_limit IS NULL AND time_unit IS NULL)
                                     OR (request_limit > 0 AND time_unit IS NOT NULL)),
    CONSTRAINT ck_plans_burst CHECK (burst_limit IS NULL OR burst_limit > 0)
);

CREATE TABLE apis (
    id                  UUID PRIMARY KEY,
    name                VARCHAR(100)  NOT NULL,
    context             VARCHAR(100)  NOT NULL,
    api_version         VARCHAR(32)   NOT NULL,
    description         VARCHAR(4000),
    openapi_document    TEXT          NOT NULL,
    endpoint_type       VARCHAR(8)    NOT NULL DEFAULT 'MOCK',
    production_url      VARCHAR(2048),
    sandbox_url         VARCHAR(2048),
    forward_token       BOOLEAN NOT NULL DEFAULT FALSE,
    lifecycle           VARCHAR(16)   NOT NULL DEFAULT 'CREATED',
    owner_id            UUID,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version         BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_apis_context_version UNIQUE (context, api_version),
    CONSTRAINT fk_apis_owner FOREIGN KEY (owner_id) REFERENCES accounts (id) ON DELETE SET NULL,
    CONSTRAINT ck_apis_endpoint CHECK (endpoint_type IN ('MOCK', 'HTTP')),
    CONSTRAINT ck_apis_lifecycle CHECK (lifecycle IN ('CREATED', 'PUBLISHED', 'DEPRECATED', 'RETIRED', 'BLOCKED'))
);
CREATE INDEX ix_apis_lifecycle_name ON apis (lifecycle, name);

CREATE TABLE api_tags (
    api_id      UUID NOT NULL,
    tag         VARCHAR(50) NOT NULL,
    CONSTRAINT pk_api_tags PRIMARY KEY (api_id, tag),
    CONSTRAINT fk_api_tags_api FOREIGN KEY (api_id) REFERENCES apis (id) ON DELETE CASCADE
);
CREATE INDEX ix_api_tags_tag ON api_tags (tag);

-- An API's operations, from its OpenAPI document; scopes is the space-separated list the operation requires.
CREATE TABLE api_operations (
    id              UUID PRIMARY KEY,
    api_id          UUID NOT NULL,
    http_method     VARCHAR(8)   NOT NULL,
    path_template   VARCHAR(500) NOT NULL,
    operation_id    VARCHAR(200),
    scopes          VARCHAR(1000) NOT NULL DEFAULT '',
    CONSTRAINT uq_api_operations UNIQUE (api_id, http_method, path_template),
    CONSTRAINT fk_api_operations_api FOREIGN KEY (api_id) REFERENCES apis (id) ON DELETE CASCADE
);

-- The plans an API offers.
CREATE TABLE api_plans (
    api_id      UUID NOT NULL,
    plan_id     UUID NOT NULL,
    CONSTRAINT pk_api_plans PRIMARY KEY (api_id, plan_id),
    CONSTRAINT fk_api_plans_api FOREIGN KEY (api_id) REFERENCES apis (id) ON DELETE CASCADE,
    CONSTRAINT fk_api_plans_plan FOREIGN KEY (plan_id) REFERENCES plans (id)
);

CREATE TABLE applications (
    id              UUID PRIMARY KEY,
    owner_id        UUID NOT NULL,
    name            VARCHAR(100) NOT NULL,
    name_key        VARCHAR(100) NOT NULL,
    description     VARCHAR(1000),
    status          VARCHAR(16) NOT NULL DEFAULT 'ACTIVE',
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version     BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_applications_owner_name UNIQUE (owner_id, name_key),
    CONSTRAINT fk_applications_owner FOREIGN KEY (owner_id) REFERENCES accounts (id) ON DELETE CASCADE,
    CONSTRAINT ck_applications_status CHECK (status IN ('ACTIVE', 'BLOCKED'))
);

-- An application's OAuth2 client (its keys) in one environment, with the advanced configuration.
CREATE TABLE oauth_clients (
    id                              UUID PRIMARY KEY,
    application_id                  UUID NOT NULL,
    environment                     VARCHAR(16) NOT NULL,
    client_id                       VARCHAR(64) NOT NULL,
    grant_types                     VARCHAR(200) NOT NULL DEFAULT 'client_credentials',
    access_token_lifetime_seconds   INTEGER NOT NULL DEFAULT 3600,
    refresh_token_lifetime_seconds  INTEGER NOT NULL DEFAULT 86400,
    callback_url                    VARCHAR(2048),
    pkce_required                   BOOLEAN NOT NULL DEFAULT FALSE,
    public_client                   BOOLEAN NOT NULL DEFAULT FALSE,
    created_at                      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                      TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version                     BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_oauth_clients_client_id UNIQUE (client_id),
    CONSTRAINT uq_oauth_clients_application_env UNIQUE (application_id, environment),
    CONSTRAINT fk_oauth_clients_application FOREIGN KEY (application_id) REFERENCES applications (id) ON DELETE CASCADE,
    CONSTRAINT ck_oauth_clients_environment CHECK (environment IN ('PRODUCTION', 'SANDBOX')),
    CONSTRAINT ck_oauth_clients_access_lifetime CHECK (access_token_lifetime_seconds > 0),
    CONSTRAINT ck_oauth_clients_refresh_lifetime CHECK (refresh_token_lifetime_seconds > 0)
);

-- Client secrets: only the SHA-256 of the 256-bit random value is kept (hex).
CREATE TABLE client_secrets (
    id              UUID PRIMARY KEY,
    oauth_client_id UUID NOT NULL,
    name            VARCHAR(100) NOT NULL,
    secret_hash     VARCHAR(64) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_client_secrets_hash UNIQUE (secret_hash),
    CONSTRAINT fk_client_secrets_client FOREIGN KEY (oauth_client_id) REFERENCES oauth_clients (id) ON DELETE CASCADE
);
CREATE INDEX ix_client_secrets_client ON client_secrets (oauth_client_id);

CREATE TABLE subscriptions (
    id              UUID PRIMARY KEY,
    application_id  UUID NOT NULL,
    api_id          UUID NOT NULL,
    plan_id         UUID NOT NULL,
    status          VARCHAR(24) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version     BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_subscriptions_application_api UNIQUE (application_id, api_id),
    CONSTRAINT fk_subscriptions_application FOREIGN KEY (application_id) REFERENCES applications (id) ON DELETE CASCADE,
    CONSTRAINT fk_subscriptions_api FOREIGN KEY (api_id) REFERENCES apis (id) ON DELETE CASCADE,
    CONSTRAINT fk_subscriptions_plan FOREIGN KEY (plan_id) REFERENCES plans (id),
    CONSTRAINT ck_subscriptions_status CHECK (status IN ('ON_HOLD', 'ACTIVE', 'BLOCKED', 'PROD_ONLY_BLOCKED', 'REJECTED'))
);
CREATE INDEX ix_subscriptions_api ON subscriptions (api_id);

-- Token signing keys. The private key is encrypted at rest with the configured key-encryption key.
CREATE TABLE signing_keys (
    id                      UUID PRIMARY KEY,
    kid                     VARCHAR(64) NOT NULL,
    algorithm               VARCHAR(8)  NOT NULL,
    public_jwk              VARCHAR(4000) NOT NULL,
    private_key_encrypted   TEXT NOT NULL,
    kek_id                  VARCHAR(64) NOT NULL,
    status                  VARCHAR(16) NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    signs_from              TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at              TIMESTAMP WITH TIME ZONE,
    row_version             BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uq_signing_keys_kid UNIQUE (kid),
    CONSTRAINT ck_signing_keys_algorithm CHECK (algorithm IN ('RS256', 'ES256')),
    CONSTRAINT ck_signing_keys_status CHECK (status IN ('ACTIVE', 'PASSIVE', 'DISABLED'))
);
CREATE INDEX ix_signing_keys_status ON signing_keys (status);

-- Revocations the runtime enforces until expires_at (the latest exp of any token they cover):
-- TOKEN by jti; CLIENT (subject = client id) and SECRET (subject = secret id) for every token issued before issued_before.
CREATE SEQUENCE revocations_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE revocations (
    id              BIGINT PRIMARY KEY,
    kind            VARCHAR(8)  NOT NULL,
    subject         VARCHAR(64) NOT NULL,
    issued_before   TIMESTAMP WITH TIME ZONE,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_revocations_subject UNIQUE (kind, subject),
    CONSTRAINT ck_revocations_kind CHECK (kind IN ('TOKEN', 'CLIENT', 'SECRET')),
    CONSTRAINT ck_revocations_cutoff CHECK (kind = 'TOKEN' OR issued_before IS NOT NULL)
);
CREATE INDEX ix_revocations_expires ON revocations (expires_at);

CREATE SEQUENCE audit_events_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE audit_events (
    id              BIGINT PRIMARY KEY,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(100) NOT NULL,
    action          VARCHAR(64)  NOT NULL,
    target_type     VARCHAR(32),
    target_id       VARCHAR(64),
    outcome         VARCHAR(16)  NOT NULL,
    detail          VARCHAR(1000),
    remote_address  VARCHAR(64),
    CONSTRAINT ck_audit_events_outcome CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED'))
);
CREATE INDEX ix_audit_events_occurred ON audit_events (occurred_at);
CREATE INDEX ix_audit_events_target ON audit_events (target_type, target_id);

-- The change feed every instance follows to invalidate its caches: written in the same transaction as the change.
CREATE SEQUENCE change_feed_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE change_feed (
    id              BIGINT PRIMARY KEY,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    entity          VARCHAR(32) NOT NULL,
    entity_id       VARCHAR(64) NOT NULL,
    change_kind     VARCHAR(32) NOT NULL
);
CREATE INDEX ix_change_feed_changed ON change_feed (changed_at);

-- The seeded business plans.
INSERT INTO plans (id, name, name_key, description, request_limit, time_unit, requires_approval, created_at) VALUES
    ('6b0c7a0e-0f3a-4c2e-9a51-000000000001', 'Bronze', 'bronze', 'Allows 1000 requests per minute', 1000, 'MINUTE', FALSE, CURRENT_TIMESTAMP),
    ('6b0c7a0e-0f3a-4c2e-9a51-000000000002', 'Silver', 'silver', 'Allows 2000 requests per minute', 2000, 'MINUTE', FALSE, CURRENT_TIMESTAMP),
    ('6b0c7a0e-0f3a-4c2e-9a51-000000000003', 'Gold', 'gold', 'Allows 5000 requests per minute', 5000, 'MINUTE', FALSE, CURRENT_TIMESTAMP),
    ('6b0c7a0e-0f3a-4c2e-9a51-000000000004', 'Unlimited', 'unlimited', 'Allows unlimited requests', NULL, NULL, FALSE, CURRENT_TIMESTAMP);
