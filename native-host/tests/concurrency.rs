//! Several hosts at once (two browsers, several profiles) on one database: every row kept, the
//! chain whole.

use std::collections::HashSet;

use serde_json::{json, Value};

use crate::testutil::{event, uuid, Sandbox};

const HOSTS: u32 = 4;
const BATCHES: u32 = 30;
const EVENTS_PER_BATCH: u32 = 10;

#[test]
fn hosts_appending_at_once_lose_nothing_and_keep_the_chain() {
    let sandbox = Sandbox::new();
    // Every host starts on a database none of them created: they race on migrations too.
    let barrier = std::sync::Barrier::new(HOSTS as usize);
    std::thread::scope(|scope| {
        for h in 0..HOSTS {
            let sandbox = &sandbox;
            let barrier = &barrier;
            scope.spawn(move || {
                let mut host = sandbox.host();
                barrier.wait();
                let batch = |b: u32| -> Value {
                    let events: Vec<Value> = (0..EVENTS_PER_BATCH)
                        .map(|e| event(&uuid(h, b * EVENTS_PER_BATCH + e), None, "2025-03-01T10:00:00Z", "same value"))
                        .collect();
                    json!({"type": "audit_append", "events": events})
                };
                for b in 0..BATCHES {
                    assert_eq!(host.ok(batch(b))["new_rows"], EVENTS_PER_BATCH);
                }
                // A retry of an early batch, as after a lost reply: nothing doubles.
                assert_eq!(host.ok(batch(0))["new_rows"], 0);
                host.finish();
            });
        }
    });

    let stdout = sandbox.cli_ok(&["audit", "verify"]);
    let total = HOSTS * BATCHES * EVENTS_PER_BATCH;
    assert!(stdout.contains(&format!("intact: {total} rows checked")), "{stdout}");

    let conn = rusqlite::Connection::open(sandbox.db()).unwrap();
    let mut statement = conn.prepare("SELECT seq, event_id FROM audit_events ORDER BY seq").unwrap();
    let rows: Vec<(i64, String)> =
        statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
    assert_eq!(rows.len() as u32, total);
    assert!(rows.iter().enumerate().all(|(i, (seq, _))| *seq == i as i64 + 1), "seqs run 1..n without gaps");
    let ids: HashSet<&str> = rows.iter().map(|(_, id)| id.as_str()).collect();
    for h in 0..HOSTS {
        for n in 0..BATCHES * EVENTS_PER_BATCH {
            assert!(ids.contains(uuid(h, n).as_str()), "event {h}/{n} is stored");
        }
    }
}
