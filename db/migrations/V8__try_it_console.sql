-- A key set may accept the portal's try-it redirect page as a second callback, so that the API documentation's
-- console can sign a person in with the application's authorization-code flow. Off for every existing key set.
ALTER TABLE oauth_clients ADD COLUMN try_it_console BOOLEAN DEFAULT FALSE NOT NULL;
