-- The authorization-code flow (RFC 6749 §4.1 with PKCE, RFC 7636; OpenID Connect's nonce and auth_time). A request
-- is checked where it arrives and nothing is written until a signed-in person allows it: then one row holds its code
-- (only the hash; single use, short-lived) and what it is bound to, and once redeemed what was issued, so that a code
-- presented twice revokes that (the refresh tokens issued from a code form the family named by its row's id). Any
-- node can redeem any code.
CREATE TABLE authorizations (
    id                  UUID PRIMARY KEY,
    client_id           VARCHAR(64) NOT NULL,
    application_id      UUID NOT NULL,
    redirect_uri        VARCHAR(2048) NOT NULL,
    scopes              VARCHAR(2000) NOT NULL,
    nonce               VARCHAR(512),
    code_challenge      VARCHAR(128),
    account_id          UUID NOT NULL,
    auth_time           TIMESTAMP WITH TIME ZONE NOT NULL,
    code_hash           VARCHAR(64) NOT NULL,
    code_expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    redeemed_at         TIMESTAMP WITH TIME ZONE,
    access_jti          VARCHAR(64),
    access_expires_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_authorizations_code UNIQUE (code_hash),
    CONSTRAINT fk_authorizations_application FOREIGN KEY (application_id) REFERENCES applications (id) ON DELETE CASCADE,
    CONSTRAINT fk_authorizations_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE INDEX ix_authorizations_expires ON authorizations (expires_at);

-- Refresh tokens: opaque, 256-bit, only their SHA-256 kept. Each use rotates: the used one is marked, a new one
-- of the same family is issued. Presenting a used one revokes the family and the access tokens issued from it.
CREATE TABLE refresh_tokens (
    token_hash          VARCHAR(64) PRIMARY KEY,
    family_id           UUID NOT NULL,
    client_id           VARCHAR(64) NOT NULL,
    application_id      UUID NOT NULL,
    account_id          UUID NOT NULL,
    scopes              VARCHAR(2000) NOT NULL,
    access_jti          VARCHAR(64) NOT NULL,
    access_expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at             TIMESTAMP WITH TIME ZONE,
    revoked_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT fk_refresh_tokens_application FOREIGN KEY (application_id) REFERENCES applications (id) ON DELETE CASCADE,
    CONSTRAINT fk_refresh_tokens_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id);

-- What a person has allowed an application to do in their name; a later request within these scopes is not asked.
CREATE TABLE consents (
    account_id          UUID NOT NULL,
    application_id      UUID NOT NULL,
    scopes              VARCHAR(2000) NOT NULL,
    granted_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_consents PRIMARY KEY (account_id, application_id),
    CONSTRAINT fk_consents_application FOREIGN KEY (application_id) REFERENCES applications (id) ON DELETE CASCADE,
    CONSTRAINT fk_consents_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);

-- An administrator may mark an application first-party (the operator's own): people are not asked to consent to it.
ALTER TABLE applications ADD COLUMN first_party BOOLEAN NOT NULL DEFAULT FALSE;
