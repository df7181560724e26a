-- A client's alias: the word its name is redacted as (`[ACME]`), NULL for the numbered
-- placeholder (`[CLIENT_1]`).

ALTER TABLE clients ADD COLUMN alias TEXT;
