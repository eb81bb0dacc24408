-- A migration numbered below the applied schema version: must be refused, not silently applied.
CREATE TABLE too_late (id BIGINT PRIMARY KEY);
