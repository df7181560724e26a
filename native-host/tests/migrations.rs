//! Schema migrations: from no file, from an empty file, from an older database with data in it,
//! and a refusal for a newer one.

use hush_host::store::migrations::{latest_version, migrate_to};
use serde_json::{json, Value};

use crate::testutil::{create_client, event, uuid, Sandbox};

fn schema_version(sandbox: &Sandbox) -> u32 {
    let conn = rusqlite::Connection::open(sandbox.db()).unwrap();
    conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap()
}

#[test]
fn a_new_database_and_an_empty_file_get_the_whole_schema() {
    let fresh = Sandbox::new();
    fresh.cli_ok(&["clients", "list"]);
    assert_eq!(schema_version(&fresh), latest_version());

    let empty = Sandbox::new();
    std::fs::create_dir_all(empty.db().parent().unwrap()).unwrap();
    std::fs::write(empty.db(), b"").unwrap();
    let mut host = empty.host();
    create_client(&mut host, "Acme");
    host.finish();
    assert_eq!(schema_version(&empty), latest_version());
}

#[test]
fn an_older_database_keeps_its_data_and_gains_the_new_tables() {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.db().parent().unwrap()).unwrap();
    {
        let mut conn = rusqlite::Connection::open(sandbox.db()).unwrap();
        migrate_to(&mut conn, 1).unwrap();
        conn.execute_batch(
            "INSERT INTO clients (id, name, name_key, created_at) VALUES (1, 'Acme', 'acme', '2024-01-01T00:00:00.000Z');
             INSERT INTO terms (client_id, text, text_key, aliases, note, created_at, updated_at)
                 VALUES (1, 'Project Falcon', 'project falcon', '[\"Falcon\"]', '', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');
             INSERT INTO meta (key, value) VALUES ('active_client_id', '1');",
        )
        .unwrap();
    }
    assert_eq!(schema_version(&sandbox), 1);

    let mut host = sandbox.host();
    let list = host.ok(json!({"type": "client_list"}));
    assert_eq!(list["clients"][0]["name"], "Acme");
    assert_eq!(list["clients"][0]["alias"], Value::Null, "a client from before aliases has none");
    assert_eq!(list["active_client_id"], 1);
    let aliased = host.ok(json!({"type": "client_set_alias", "client_id": 1, "alias": "acme"}));
    assert_eq!(aliased["client"]["alias"], "ACME");
    let terms = host.ok(json!({"type": "term_list", "client_id": 1}));
    assert_eq!(terms["terms"][0]["aliases"], json!(["Falcon"]));
    host.ok(json!({"type": "audit_append", "events": [event(&uuid(5, 1), Some(1), "2025-03-01T10:00:00Z", "x")]}));
    host.ok(json!({"type": "rule_add", "client_id": 1, "name": "tickets", "pattern": "T-\\d+"}));
    host.finish();
    assert_eq!(schema_version(&sandbox), latest_version());
    assert!(sandbox.cli_ok(&["audit", "verify"]).contains("intact: 1 rows checked"));
}

#[test]
fn a_newer_database_is_refused_and_left_alone() {
    let sandbox = Sandbox::new();
    sandbox.cli_ok(&["clients", "add", "Acme"]);
    {
        let conn = rusqlite::Connection::open(sandbox.db()).unwrap();
        conn.pragma_update(None, "user_version", latest_version() + 1).unwrap();
    }
    let output = sandbox.cli(&["clients", "list"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("newer than this hush-host knows"), "{stderr}");
    assert_eq!(schema_version(&sandbox), latest_version() + 1);
}
