-- A disabled (compromised) signing key revokes every token it signed: kind KEY, subject = the key's kid,
-- issued_before = expires_at = when the last token it could have signed expires.
ALTER TABLE revocations DROP CONSTRAINT ck_revocations_kind;
ALTER TABLE revocations ADD CONSTRAINT ck_revocations_kind CHECK (kind IN ('TOKEN', 'CLIENT', 'SECRET', 'KEY'));
