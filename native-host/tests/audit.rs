//! The audit log end to end: appends over the protocol, exports, and `audit verify` naming every
//! kind of tampering.

use serde_json::{json, Value};

use crate::testutil::{create_client, event, uuid, Sandbox};

fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Opens the database behind the host's back, with the append-only triggers removed, as
/// someone tampering with the file would.
fn tamper(sandbox: &Sandbox, sql: &str) {
    let conn = rusqlite::Connection::open(sandbox.db()).unwrap();
    conn.execute_batch("DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete;")
        .unwrap();
    conn.execute_batch(sql).unwrap();
}

/// A sandbox with `n` rows for client "Acme", one a day from 2025-03-01.
fn log_with_rows(n: u32) -> (Sandbox, i64) {
    let sandbox = Sandbox::new();
    let mut host = sandbox.host();
    let acme = create_client(&mut host, "Acme");
    let events: Vec<Value> = (1..=n)
        .map(|i| event(&uuid(7, i), Some(acme), &format!("2025-03-{i:02}T10:00:00Z"), &format!("user{i}@acme.example")))
        .collect();
    host.ok(json!({"type": "audit_append", "events": events}));
    host.finish();
    (sandbox, acme)
}

#[test]
fn appends_are_idempotent_and_all_or_nothing() {
    let sandbox = Sandbox::new();
    let mut host = sandbox.host();
    let acme = create_client(&mut host, "Acme");
    let batch = json!({"type": "audit_append", "events": [
        event(&uuid(1, 1), Some(acme), "2025-03-01T10:00:00Z", "a@acme.example"),
        event(&uuid(1, 2), None, "2025-03-01T10:01:00+01:00", "b@acme.example"),
    ]});
    let first = host.ok(batch.clone());
    assert_eq!(first["new_rows"], 2);
    assert_eq!(first["accepted"][1]["seq"], 2);
    let retry = host.ok(batch);
    assert_eq!(retry["accepted"], first["accepted"], "a retry gets the same answer");
    assert_eq!(retry["new_rows"], 0, "and adds no row");

    let bad = host.request(json!({"type": "audit_append", "events": [
        event(&uuid(1, 3), Some(acme), "2025-03-02T10:00:00Z", "c@acme.example"),
        {"event_id": uuid(1, 4), "at": "2025-03-02T10:00:00Z", "site": "kimi.com", "action": "redacted", "findings": []},
    ]}));
    assert_eq!(bad["error"]["code"], "bad_field");
    assert!(bad["error"]["message"].as_str().unwrap().starts_with("events[1].site:"), "{bad}");
    let unknown_client = host.request(
        json!({"type": "audit_append", "events": [event(&uuid(1, 5), Some(99), "2025-03-02T10:00:00Z", "x")]}),
    );
    assert_eq!(unknown_client["error"]["message"], "events[0].client_id: names no client");

    let rows = host.ok(json!({"type": "audit_query"}))["rows"].as_array().unwrap().clone();
    assert_eq!(rows.len(), 2, "the failed batches added nothing");
    assert_eq!(rows[0]["at"], "2025-03-01T09:01:00.000Z", "times are kept in UTC");
}

#[test]
fn values_become_keyed_fingerprints() {
    let sandbox = Sandbox::new();
    let mut host = sandbox.host();
    host.ok(json!({"type": "audit_append", "events": [
        event(&uuid(2, 1), None, "2025-03-01T10:00:00Z", "jane@acme.example"),
        event(&uuid(2, 2), None, "2025-03-01T10:00:00Z", "jane@acme.example"),
        event(&uuid(2, 3), None, "2025-03-01T10:00:00Z", "john@acme.example"),
    ]}));
    host.ok(json!({"type": "settings_update", "record_fingerprints": false}));
    host.ok(json!({"type": "audit_append", "events": [event(&uuid(2, 4), None, "2025-03-01T10:00:00Z", "jane@acme.example")]}));
    let rows = host.ok(json!({"type": "audit_query"}))["rows"].as_array().unwrap().clone();
    let fingerprint = |seq: usize| rows[rows.len() - seq]["findings"][0]["fingerprint"].clone();
    assert_eq!(fingerprint(1), fingerprint(2));
    assert_ne!(fingerprint(1), fingerprint(3));
    assert_eq!(fingerprint(1).as_str().unwrap().len(), 64);
    assert_eq!(fingerprint(4), Value::Null, "with fingerprints off, none is kept");

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let secret = sandbox.db().with_extension("db.secret");
        assert_eq!(std::fs::metadata(&secret).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::metadata(sandbox.db()).unwrap().permissions().mode() & 0o777, 0o600);
    }
}

#[test]
fn queries_page_newest_first_and_filter() {
    let (sandbox, acme) = log_with_rows(12);
    let mut host = sandbox.host();
    let page = host.ok(json!({"type": "audit_query", "client_id": acme, "limit": 5}));
    let seqs: Vec<i64> = page["rows"].as_array().unwrap().iter().map(|r| r["seq"].as_i64().unwrap()).collect();
    assert_eq!(seqs, vec![12, 11, 10, 9, 8]);
    let next = host.ok(json!({"type": "audit_query", "before_seq": page["next_before_seq"], "limit": 100}));
    assert_eq!(next["rows"].as_array().unwrap().len(), 7);
    assert_eq!(next["next_before_seq"], Value::Null);
    let march_3_to_5 = host.ok(json!({"type": "audit_query", "from": "2025-03-03", "to": "2025-03-05"}));
    assert_eq!(march_3_to_5["rows"].as_array().unwrap().len(), 3);
    assert_eq!(host.ok(json!({"type": "audit_query", "action": "blocked"}))["rows"], json!([]));
    assert_eq!(host.error_code(json!({"type": "audit_query", "from": "last tuesday"})), "bad_field");
}

#[test]
fn a_large_export_arrives_in_chunks_and_verifies() {
    let sandbox = Sandbox::new();
    let mut host = sandbox.host();
    let acme = create_client(&mut host, "Acme");
    let other = create_client(&mut host, "Other");
    for batch in 0..4u32 {
        let events: Vec<Value> = (0..200u32)
            .map(|i| {
                let n = batch * 200 + i;
                let client = if n % 3 == 0 { other } else { acme };
                let findings: Vec<Value> =
                    (0..4).map(|k| json!({"kind": "EMAIL", "rule_id": "email", "value": format!("{n}-{k}")})).collect();
                json!({"event_id": uuid(3, n), "at": "2025-03-01T10:00:00Z", "client_id": client,
                       "site": "https://chat.example.com", "action": "paste_redacted", "findings": findings})
            })
            .collect();
        host.ok(json!({"type": "audit_append", "events": events}));
    }
    let first = host.ok(json!({"type": "audit_export", "client_id": acme, "format": "json"}));
    assert_eq!(first["media_type"], "application/json");
    assert_eq!(first["file_name"], "hush-audit-acme.json");
    let mut text = first["chunk"].as_str().unwrap().to_string();
    let mut next = first["next_offset"].clone();
    let mut chunks = 1;
    while let Some(offset) = next.as_i64() {
        let piece = host.ok(json!({"type": "audit_export_chunk", "export_id": first["export_id"], "offset": offset}));
        text.push_str(piece["chunk"].as_str().unwrap());
        next = piece["next_offset"].clone();
        chunks += 1;
    }
    assert!(chunks > 1, "the export needed several chunks");
    assert_eq!(text.len() as i64, first["total_bytes"].as_i64().unwrap());
    assert_eq!(
        host.error_code(json!({"type": "audit_export_chunk", "export_id": "export-99", "offset": 0})),
        "not_found"
    );
    host.finish();

    let file = sandbox.home().join("export.json");
    std::fs::write(&file, &text).unwrap();
    let output = sandbox.cli(&["audit", "verify", file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stdout_of(&output));
    assert!(
        stdout_of(&output).contains("533 rows shown, 266 rows of other clients withheld"),
        "{}",
        stdout_of(&output)
    );

    let document: Value = serde_json::from_str(&text).unwrap();
    let withheld = document["rows"].as_array().unwrap().iter().find(|r| r["withheld"] == true).unwrap();
    assert!(withheld.get("site").is_none() && withheld.get("findings").is_none(), "{withheld}");
}

#[test]
fn verify_names_an_edited_row() {
    let (sandbox, _) = log_with_rows(6);
    assert!(sandbox.cli_ok(&["audit", "verify"]).contains("intact: 6 rows checked"));
    tamper(&sandbox, "UPDATE audit_events SET site = 'https://elsewhere.example' WHERE seq = 3");
    let output = sandbox.cli(&["audit", "verify"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout_of(&output).contains("row 3 was edited: its content no longer matches its hash"),
        "{}",
        stdout_of(&output)
    );
}

#[test]
fn verify_names_a_deleted_row_and_a_deleted_tail() {
    let (sandbox, _) = log_with_rows(6);
    tamper(&sandbox, "DELETE FROM audit_events WHERE seq = 4");
    let stdout = stdout_of(&sandbox.cli(&["audit", "verify"]));
    assert!(stdout.contains("row 4 is missing (deleted)"), "{stdout}");

    let (sandbox, _) = log_with_rows(6);
    tamper(&sandbox, "DELETE FROM audit_events WHERE seq >= 5");
    let output = sandbox.cli(&["audit", "verify"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout_of(&output).contains("rows 5 to 6 are missing (deleted) from the end"), "{}", stdout_of(&output));
}

#[test]
fn verify_names_a_row_rewritten_with_a_fresh_hash() {
    let (sandbox, _) = log_with_rows(5);
    // Recomputing row 2's hash after editing it is not enough: row 3 still links to the old one.
    tamper(&sandbox, "UPDATE audit_events SET action = 'ignored' WHERE seq = 2");
    let row = hush_host::store::Store::open(&sandbox.db()).unwrap().audit_rows_between(2, 2).unwrap().remove(0);
    let hash = hush_host::audit::chain::row_hash(&row.prev_hash, 2, row.client_id, &row.body_digest());
    tamper(&sandbox, &format!("UPDATE audit_events SET hash = '{hash}' WHERE seq = 2"));
    let stdout = stdout_of(&sandbox.cli(&["audit", "verify"]));
    assert!(
        stdout.contains("row 2 was changed and its hash recomputed, or replaced: row 3 no longer links to it"),
        "{stdout}"
    );
}

#[test]
fn an_exported_file_shows_reordering_editing_and_hiding() {
    let sandbox = Sandbox::new();
    let mut host = sandbox.host();
    let acme = create_client(&mut host, "Acme");
    let other = create_client(&mut host, "Other");
    let events: Vec<Value> = (1..=6u32)
        .map(|i| event(&uuid(4, i), Some(if i == 3 { other } else { acme }), "2025-03-01T10:00:00Z", "v"))
        .collect();
    host.ok(json!({"type": "audit_append", "events": events}));
    host.finish();
    let export = sandbox.cli_ok(&["audit", "export", "--client", "acme", "--format", "json"]);
    let original: Value = serde_json::from_str(&export).unwrap();
    assert_eq!(original["rows"][2]["withheld"], true);

    let check = |document: &Value| -> (Option<i32>, String) {
        let file = sandbox.home().join("check.json");
        std::fs::write(&file, serde_json::to_string_pretty(document).unwrap()).unwrap();
        let output = sandbox.cli(&["audit", "verify", file.to_str().unwrap()]);
        (output.status.code(), stdout_of(&output))
    };
    assert_eq!(check(&original).0, Some(0));

    let mut swapped = original.clone();
    swapped["rows"].as_array_mut().unwrap().swap(1, 3);
    let (code, stdout) = check(&swapped);
    assert_eq!(code, Some(1));
    assert!(stdout.contains("row 2 is out of order: it comes after row 4"), "{stdout}");

    let mut edited = original.clone();
    edited["rows"][4]["site"] = json!("https://innocent.example");
    assert!(check(&edited).1.contains("row 5 was edited"));

    let mut deleted = original.clone();
    deleted["rows"].as_array_mut().unwrap().remove(3);
    assert!(check(&deleted).1.contains("row 4 is missing (deleted)"));

    let mut hidden = original.clone();
    let row = hidden["rows"][1].clone();
    let digest = hush_host::audit::chain::body_digest(&hush_host::audit::chain::RowBody {
        event_id: row["event_id"].as_str().unwrap(),
        at: row["at"].as_str().unwrap(),
        recorded_at: row["recorded_at"].as_str().unwrap(),
        site: row["site"].as_str().unwrap(),
        action: row["action"].as_str().unwrap(),
        findings: &serde_json::from_value::<Vec<hush_host::protocol::AuditFinding>>(row["findings"].clone()).unwrap(),
    });
    hidden["rows"][1] = json!({"seq": 2, "client_id": acme, "withheld": true, "body_digest": digest,
                               "prev_hash": row["prev_hash"], "hash": row["hash"]});
    let (code, stdout) = check(&hidden);
    assert_eq!(code, Some(1));
    assert!(stdout.contains("row 2 belongs to this client but its content was withheld"), "{stdout}");

    let (code, stdout) = {
        let file = sandbox.home().join("not-an-export.json");
        std::fs::write(&file, "{\"hello\": 1}").unwrap();
        let output = sandbox.cli(&["audit", "verify", file.to_str().unwrap()]);
        (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
    };
    assert_eq!(code, Some(2));
    assert!(stdout.contains("not a Hush audit export"), "{stdout}");
}

#[test]
fn csv_and_html_exports_for_a_period() {
    let (sandbox, _) = log_with_rows(10);
    let csv = sandbox.cli_ok(&[
        "audit",
        "export",
        "--client",
        "Acme",
        "--from",
        "2025-03-04",
        "--to",
        "2025-03-06",
        "--format",
        "csv",
    ]);
    let records = hush_host::csv::parse(&csv).unwrap();
    assert_eq!(records[0][..3], ["seq", "time_utc", "client"]);
    assert_eq!(records.len(), 4, "three days, one row each, and the header");
    assert_eq!(records[1][1], "2025-03-04T10:00:00.000Z");
    assert!(!csv.contains("@acme.example"), "values never reach an export");

    let out = sandbox.home().join("report.html");
    sandbox.cli_ok(&["audit", "export", "--client", "acme", "--format", "html", "--output", out.to_str().unwrap()]);
    let html = std::fs::read_to_string(&out).unwrap();
    for expected in
        ["<h1>Acme</h1>", "Hash chain verified", "https://www.kimi.com", "EMAIL ×1", "Never recorded", "@media print"]
    {
        assert!(html.contains(expected), "the report shows {expected}");
    }
    assert!(!html.contains("<script") && !html.contains("@acme.example"));

    let bad = sandbox.cli(&[
        "audit",
        "export",
        "--client",
        "Acme",
        "--from",
        "2025-03-09",
        "--to",
        "2025-03-01",
        "--format",
        "csv",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("must not come before `from`"));
}
