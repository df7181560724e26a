-- The audit log: append-only and hash-chained (see native-host/PROTOCOL.md, "The audit chain").
-- A row never holds a sensitive value: findings carry a kind, a rule id and at most a keyed
-- fingerprint (HMAC-SHA256 under the installation's secret).

CREATE TABLE audit_events (
    -- The row's place in the chain: 1, 2, 3, ... without gaps.
    seq          INTEGER PRIMARY KEY,
    -- The extension's UUID for the event: a retried append finds it and adds nothing.
    event_id     TEXT NOT NULL UNIQUE,
    at           TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    client_id    INTEGER REFERENCES clients (id),
    site         TEXT NOT NULL,
    action       TEXT NOT NULL,
    -- A JSON array of {"kind", "rule_id", "fingerprint"}.
    findings     TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
);

CREATE INDEX audit_events_by_client_and_time ON audit_events (client_id, at);
CREATE INDEX audit_events_by_time ON audit_events (at);

-- Append-only: the host never changes or removes a row, and these stop anything else that goes
-- through SQLite from doing it by accident. (Someone who drops them can still edit the file;
-- that is what the hash chain and `hush-host audit verify` are for.)
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
