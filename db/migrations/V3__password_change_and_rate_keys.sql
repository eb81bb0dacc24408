-- An administrator created with a generated password (written to the log) must change it before anything else.
ALTER TABLE accounts ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;

-- Rate-limit windows are counted per application and API (two UUIDs and the window), not per subscription row,
-- so that unsubscribing and subscribing again does not reset a quota.
ALTER TABLE rate_counts ALTER COLUMN counter_key SET DATA TYPE VARCHAR(120);
