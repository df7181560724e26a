-- Custom rules (regular expressions, per client or for every client) and the user's settings.

CREATE TABLE custom_rules (
    id          INTEGER PRIMARY KEY,
    -- NULL: the rule applies whoever the client is.
    client_id   INTEGER REFERENCES clients (id),
    name        TEXT NOT NULL,
    pattern     TEXT NOT NULL,
    enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE INDEX custom_rules_by_client ON custom_rules (client_id);

-- One row per setting; the value is JSON.
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
