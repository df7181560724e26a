-- Clients and their dictionary terms, and a small key/value table for the host's own state.
-- Times are UTC, RFC 3339 with milliseconds, so that comparing the text compares the times.

CREATE TABLE clients (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    -- The name folded for uniqueness: "Acme" and "ACME " are the same client.
    name_key    TEXT NOT NULL UNIQUE,
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at  TEXT NOT NULL
);

CREATE TABLE terms (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    text        TEXT NOT NULL,
    text_key    TEXT NOT NULL,
    -- A JSON array of strings.
    aliases     TEXT NOT NULL DEFAULT '[]',
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (client_id, text_key)
);

-- active_client_id, dictionary_revision, audit_head_seq, audit_head_hash, ...
CREATE TABLE meta (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
