//! The protocol over real frames: every message, every bad input, and what the host never says.

use serde_json::{json, Value};

use crate::testutil::{create_client, event, uuid, Frame, Sandbox, HUSH_ORIGIN};

#[test]
fn handshake_keeps_the_shape_the_extension_reads() {
    let sandbox = Sandbox::new();
    let mut host = sandbox.host();
    host.send_frame(br#"{"id": 1, "type": "handshake"}"#);
    let reply = host.reply();
    assert_eq!(reply["id"], 1);
    assert_eq!(reply["ok"], true);
    assert_eq!(reply["protocol"], 1);
    assert_eq!(reply["host_version"], env!("CARGO_PKG_VERSION"));
    assert!(reply["capabilities"].as_array().unwrap().contains(&json!("audit_append")));
    assert_eq!(reply["limits"]["max_request_bytes"], 1024 * 1024);

    let reply = host.ok(json!({"type": "handshake", "versions": [1, 7]}));
    assert_eq!(reply["protocol"], 1);
    assert_eq!(host.error_code(json!({"type": "handshake", "versions": [2, 3]})), "unsupported_version");

    host.send_frame(br#"{"id": "string-id-9", "type": "handshake"}"#);
    assert_eq!(host.reply()["id"], "string-id-9");
    let (status, _) = host.finish();
    assert!(status.success());
}

#[test]
fn clients_and_the_active_client() {
    let sandbox = Sandbox::new();
    let mut host = sandbox.host();
    let acme = create_client(&mut host, "Acme Corp");
    let globex = create_client(&mut host, "Globex");
    assert_eq!(host.error_code(json!({"type": "client_create", "name": "ACME corp"})), "conflict");
    assert_eq!(host.error_code(json!({"type": "client_create", "name": "   "})), "bad_field");

    let renamed = host.ok(json!({"type": "client_rename", "client_id": acme, "name": "Acme Ltd"}));
    assert_eq!(renamed["client"]["name"], "Acme Ltd");
    assert_eq!(host.error_code(json!({"type": "client_rename", "client_id": 999, "name": "X"})), "not_found");

    assert_eq!(renamed["client"]["alias"], Value::Null, "no alias until one is set");
    let aliased = host.ok(json!({"type": "client_set_alias", "client_id": acme, "alias": " Acme ltd "}));
    assert_eq!(aliased["client"]["alias"], "ACME_LTD", "kept as the engine writes the placeholder word");
    let listed = host.ok(json!({"type": "client_list"}));
    assert_eq!(listed["clients"][0]["alias"], "ACME_LTD");
    let refused = host.request(json!({"type": "client_set_alias", "client_id": acme, "alias": "2nd-client"}));
    assert_eq!(refused["error"]["code"], "bad_field");
    assert!(!refused["error"]["message"].as_str().unwrap().contains("2nd"), "the message never repeats the value");
    assert_eq!(host.error_code(json!({"type": "client_set_alias", "client_id": 999, "alias": "X"})), "not_found");
    let cleared = host.ok(json!({"type": "client_set_alias", "client_id": acme, "alias": "  "}));
    assert_eq!(cleared["client"]["alias"], Value::Null, "a blank alias removes it");
    host.ok(json!({"type": "client_set_alias", "client_id": acme, "alias": "ACME"}));

    host.ok(json!({"type": "active_client_set", "client_id": acme}));
    assert_eq!(host.ok(json!({"type": "active_client_get"}))["client"]["id"], acme);
    let list = host.ok(json!({"type": "client_list"}));
    assert_eq!(list["active_client_id"], acme);
    assert_eq!(list["clients"].as_array().unwrap().len(), 2);

    let archived = host.ok(json!({"type": "client_archive", "client_id": acme}));
    assert_eq!(archived["client"]["archived"], true);
    assert_eq!(host.ok(json!({"type": "active_client_get"}))["client"], Value::Null);
    assert_eq!(host.error_code(json!({"type": "active_client_set", "client_id": acme})), "bad_field");
    assert_eq!(host.ok(json!({"type": "client_list"}))["clients"].as_array().unwrap().len(), 1);
    assert_eq!(
        host.ok(json!({"type": "client_list", "include_archived": true}))["clients"].as_array().unwrap().len(),
        2
    );
    host.ok(json!({"type": "client_archive", "client_id": acme, "archived": false}));
    host.ok(json!({"type": "active_client_set", "client_id": globex}));
    host.ok(json!({"type": "active_client_set", "client_id": null}));
    assert_eq!(host.ok(json!({"type": "active_client_get"}))["client"], Value::Null);
}

#[test]
fn dictionary_terms_and_custom_rules() {
    let sandbox = Sandbox::new();
    let mut host = sandbox.host();
    let acme = create_client(&mut host, "Acme");
    let revision = host.ok(json!({"type": "term_list"}))["revision"].as_i64().unwrap();

    let term = host.ok(json!({"type": "term_add", "client_id": acme, "text": "Project Falcon", "aliases": ["Falcon"]}));
    let term_id = term["term"]["id"].as_i64().unwrap();
    assert_eq!(host.error_code(json!({"type": "term_add", "client_id": acme, "text": "project falcon"})), "conflict");
    assert_eq!(host.error_code(json!({"type": "term_add", "client_id": 404, "text": "x"})), "not_found");
    let updated = host.ok(json!({"type": "term_update", "term_id": term_id, "note": "codename"}));
    assert_eq!(updated["term"]["aliases"], json!(["Falcon"]));
    assert_eq!(updated["term"]["note"], "codename");

    let imported = host.ok(json!({"type": "term_import", "client_id": acme, "terms": [
        {"text": "Project Falcon", "aliases": ["Falcon", "PF"]},
        {"text": "jane.roe@acme.example"},
        {"text": "acme-db-01.internal"}
    ]}));
    assert_eq!(
        (imported["added"].as_u64(), imported["updated"].as_u64(), imported["unchanged"].as_u64()),
        (Some(2), Some(1), Some(0))
    );
    let bad_import =
        host.request(json!({"type": "term_import", "client_id": acme, "terms": [{"text": "ok"}, {"text": ""}]}));
    assert_eq!(bad_import["error"]["message"], "terms[1].text: must not be empty");

    let page = host.ok(json!({"type": "term_list", "client_id": acme, "limit": 2}));
    assert_eq!(page["terms"].as_array().unwrap().len(), 2);
    let rest = host.ok(json!({"type": "term_list", "client_id": acme, "after_id": page["next_after_id"]}));
    assert_eq!(rest["terms"].as_array().unwrap().len(), 1);
    assert_eq!(rest["next_after_id"], Value::Null);
    assert!(rest["revision"].as_i64().unwrap() > revision);

    host.ok(json!({"type": "term_remove", "term_id": term_id}));
    assert_eq!(host.error_code(json!({"type": "term_remove", "term_id": term_id})), "not_found");

    let rule =
        host.ok(json!({"type": "rule_add", "client_id": acme, "name": "Invoice numbers", "pattern": r"INV-\d{6}"}));
    let rule_id = rule["rule"]["id"].as_i64().unwrap();
    assert_eq!(rule["rule"]["enabled"], true);
    host.ok(json!({"type": "rule_add", "name": "Everyone's tickets", "pattern": r"TICKET-\d+"}));
    let bad = host.request(json!({"type": "rule_add", "name": "broken", "pattern": "(unclosed"}));
    assert_eq!(bad["error"]["code"], "bad_field");
    assert!(!bad["error"]["message"].as_str().unwrap().contains("unclosed"));
    host.ok(json!({"type": "rule_update", "rule_id": rule_id, "enabled": false}));
    assert_eq!(host.ok(json!({"type": "rule_list", "client_id": acme}))["rules"].as_array().unwrap().len(), 1);
    assert_eq!(host.ok(json!({"type": "rule_list"}))["rules"].as_array().unwrap().len(), 2);
    host.ok(json!({"type": "rule_remove", "rule_id": rule_id}));
    assert_eq!(host.ok(json!({"type": "rule_list"}))["rules"].as_array().unwrap().len(), 1);
}

#[test]
fn settings_change_only_what_is_given() {
    let sandbox = Sandbox::new();
    let mut host = sandbox.host();
    let defaults = host.ok(json!({"type": "settings_get"}));
    assert_eq!(
        defaults["settings"],
        json!({"guarded_sites": [], "paste_redacted_sites": [], "record_fingerprints": true})
    );
    host.ok(
        json!({"type": "settings_update", "guarded_sites": ["HTTPS://Chat.Example.com", "https://chat.example.com"]}),
    );
    let after = host.ok(json!({"type": "settings_update", "record_fingerprints": false}));
    assert_eq!(after["settings"]["guarded_sites"], json!(["https://chat.example.com"]));
    assert_eq!(after["settings"]["record_fingerprints"], false);
    let bad = host.request(
        json!({"type": "settings_update", "paste_redacted_sites": ["https://ok.example", "https://x.example/path"]}),
    );
    assert_eq!(
        bad["error"]["message"],
        "paste_redacted_sites[1]: must be an origin such as https://chat.example.com (scheme and host, no path)"
    );
}

#[test]
fn every_bad_input_gets_a_structured_error_and_the_host_keeps_serving() {
    let sandbox = Sandbox::new();
    let mut host = sandbox.host();
    let expect_error = |host: &mut crate::testutil::Host, body: &[u8], code: &str| {
        host.send_frame(body);
        let reply = host.reply();
        assert_eq!(reply["ok"], false, "{reply}");
        assert_eq!(reply["error"]["code"], code, "{reply}");
        reply
    };
    expect_error(&mut host, b"{\"id\": 1, \"type\": \"hand", "bad_json");
    expect_error(&mut host, b"", "bad_json");
    expect_error(&mut host, b"{\"id\": 2, \"type\": \"\xff\xfe\"}", "bad_utf8");
    expect_error(&mut host, b"[1, 2, 3]", "bad_request");
    expect_error(&mut host, br#"{"type": "handshake"}"#, "missing_field");
    let reply = expect_error(&mut host, br#"{"id": 5, "type": "make_coffee"}"#, "unknown_type");
    assert_eq!(reply["id"], 5);
    let reply = expect_error(&mut host, br#"{"id": 6, "type": "client_rename", "client_id": 1}"#, "missing_field");
    assert_eq!(reply["error"]["message"], "missing field `name`");
    let reply = expect_error(&mut host, br#"{"id": 7, "type": "term_remove", "term_id": "seven"}"#, "bad_field");
    assert_eq!(reply["id"], 7);

    // Over the limit: announced and sent in full, skipped, answered.
    let big = vec![b' '; 1024 * 1024 + 1];
    expect_error(&mut host, &big, "too_large");

    assert_eq!(host.ok(json!({"type": "handshake"}))["protocol"], 1);
    let (status, _) = host.finish();
    assert!(status.success(), "closing stdin ends the host cleanly");
}

#[test]
fn a_frame_length_that_lies_is_answered_and_the_host_exits_cleanly() {
    let sandbox = Sandbox::new();
    let mut host = sandbox.host();
    host.ok(json!({"type": "handshake"}));
    // The length promises 500 bytes; the input ends after 30.
    let mut lie = 500u32.to_ne_bytes().to_vec();
    lie.extend_from_slice(br#"{"id": 3, "type": "handshake"}"#);
    host.send_raw(&lie);
    host.close_stdin();
    let reply = host.reply();
    assert_eq!(reply["error"]["code"], "truncated", "{reply}");
    let (status, stderr) = host.finish();
    assert!(status.success());
    assert!(stderr.contains("input ended inside a frame"), "{stderr}");
}

#[test]
fn a_partial_length_is_answered_too() {
    let sandbox = Sandbox::new();
    let mut host = sandbox.host();
    host.send_raw(&[7, 0]);
    host.close_stdin();
    assert_eq!(host.reply()["error"]["code"], "truncated");
    assert!(host.finish().0.success());
}

#[test]
fn an_empty_input_ends_cleanly_with_nothing_written() {
    let sandbox = Sandbox::new();
    let host = sandbox.host();
    let (status, _) = host.finish();
    assert!(status.success());
}

#[test]
fn callers_that_are_not_hush_are_refused() {
    let sandbox = Sandbox::new();
    for args in [
        vec!["chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"],
        vec!["/home/someone/.mozilla/native-messaging-hosts/org.hush_guard.host.json", "evil@example.com"],
    ] {
        let mut host = sandbox.host_with_args(&args);
        host.send_frame(br#"{"id": 1, "type": "client_list"}"#);
        let reply = host.reply();
        assert_eq!(reply["id"], 1);
        assert_eq!(reply["error"]["code"], "caller_refused", "{args:?}");
        let (status, _) = host.finish();
        assert_eq!(status.code(), Some(2));
    }
    assert!(!sandbox.db().exists(), "a refused caller never touches the database");

    let mut firefox = sandbox
        .host_with_args(&["/home/u/.mozilla/native-messaging-hosts/org.hush_guard.host.json", "hush@hush-guard.org"]);
    assert_eq!(firefox.ok(json!({"type": "handshake"}))["protocol"], 1);
    let mut chromium = sandbox.host_with_args(&[HUSH_ORIGIN, "--parent-window=0"]);
    assert_eq!(chromium.ok(json!({"type": "handshake"}))["protocol"], 1);
}

#[test]
fn no_sensitive_value_reaches_the_log_the_errors_or_the_database() {
    let sandbox = Sandbox::new();
    let mut host = sandbox.host_with(&[HUSH_ORIGIN], &[("HUSH_LOG", "debug")]);
    let secret_value = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
    let client_name = "Wayne Enterprises Confidential";
    let acme = create_client(&mut host, client_name);
    host.ok(json!({"type": "term_add", "client_id": acme, "text": "Project Nightingale"}));
    host.ok(json!({"type": "audit_append", "events": [event(&uuid(1, 1), Some(acme), "2025-03-01T10:00:00Z", secret_value)]}));
    // Bad requests that carry the values: their errors must not repeat them.
    let errors = [
        host.request(json!({"type": "client_create", "name": [secret_value]})),
        host.request(json!({"type": "audit_append", "events": [{"event_id": secret_value, "at": "2025-03-01T10:00:00Z", "site": "https://a.example", "action": "redacted", "findings": []}]})),
        host.request(json!({"type": "audit_append", "events": [event(&uuid(1, 2), Some(acme), secret_value, secret_value)]})),
        host.request(json!({"type": "audit_append", "events": [{"event_id": uuid(1, 3), "at": "2025-03-01T10:00:00Z", "site": secret_value, "action": secret_value, "findings": []}]})),
        host.request(json!({"type": "term_add", "client_id": acme, "text": "Project Nightingale"})),
    ];
    for error in &errors {
        assert_eq!(error["ok"], false);
        let text = error.to_string();
        assert!(!text.contains(secret_value) && !text.contains("Nightingale"), "{text}");
    }
    let (_, stderr) = host.finish();
    assert!(stderr.contains("audit_append"), "debug logging is on: {stderr}");
    for value in [secret_value, client_name, "Project Nightingale"] {
        assert!(!stderr.contains(value), "the log holds {value}: {stderr}");
    }
    let mut stored = std::fs::read(sandbox.db()).unwrap();
    if let Ok(wal) = std::fs::read(sandbox.db().with_extension("db-wal")) {
        stored.extend(wal);
    }
    assert!(!stored.windows(secret_value.len()).any(|w| w == secret_value.as_bytes()), "the value is not stored");
}

#[test]
fn a_damaged_database_is_reported_and_left_alone() {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.db().parent().unwrap()).unwrap();
    let garbage = b"not a database at all, just text that happens to be here. ".repeat(100);
    std::fs::write(sandbox.db(), &garbage).unwrap();
    let mut host = sandbox.host();
    assert_eq!(host.ok(json!({"type": "handshake"}))["protocol"], 1, "the handshake still works");
    let reply = host.request(json!({"type": "client_list"}));
    assert_eq!(reply["error"]["code"], "storage");
    assert!(reply["error"]["message"].as_str().unwrap().contains("damaged"), "{reply}");
    host.ok(json!({"type": "handshake"}));
    drop(host);
    assert_eq!(std::fs::read(sandbox.db()).unwrap(), garbage);
}

#[test]
fn nothing_but_frames_reaches_stdout() {
    let sandbox = Sandbox::new();
    let mut host = sandbox.host();
    for _ in 0..3 {
        host.send_frame(b"garbage");
        assert!(matches!(host.next_frame(), Frame::Message(_)));
    }
    host.ok(json!({"type": "client_list"}));
    host.finish();
}
