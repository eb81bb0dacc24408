-- A migration that fails half-way: the first statement succeeds, the second refers to a missing table.
CREATE TABLE half_made (id BIGINT PRIMARY KEY);
INSERT INTO no_such_table (id) VALUES (1);
