//! How fast the real binary answers over native messaging: the round trip of a request, and audit
//! appends per second in batches. Run with `cargo bench -p hush-host --bench host`.

use std::io::{Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use serde_json::{json, Value};

const ORIGIN: &str = "chrome-extension://dckamhmmndbcfolfhmpkfdoiomjlilia/";

/// The host, started as Chromium starts it, over a database of its own.
struct Host {
    child: Child,
    stdin: ChildStdin,
    stdout: ChildStdout,
    next_id: u64,
    _dir: tempfile::TempDir,
}

impl Host {
    fn start() -> Host {
        let dir = tempfile::tempdir().expect("temporary folder");
        let mut child = Command::new(env!("CARGO_BIN_EXE_hush-host"))
            .arg(ORIGIN)
            .env("HUSH_DB", dir.path().join("hush.db"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start hush-host");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        Host { child, stdin, stdout, next_id: 0, _dir: dir }
    }

    fn request(&mut self, mut message: Value) -> Value {
        self.next_id += 1;
        message["id"] = json!(self.next_id);
        let body = serde_json::to_vec(&message).expect("encode");
        self.stdin.write_all(&(body.len() as u32).to_ne_bytes()).expect("write");
        self.stdin.write_all(&body).expect("write");
        self.stdin.flush().expect("flush");
        let mut header = [0u8; 4];
        self.stdout.read_exact(&mut header).expect("read");
        let mut reply = vec![0u8; u32::from_ne_bytes(header) as usize];
        self.stdout.read_exact(&mut reply).expect("read");
        let reply: Value = serde_json::from_slice(&reply).expect("reply is JSON");
        assert_eq!(reply["ok"], true, "{reply}");
        reply
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn uuid(n: u64) -> String {
    format!("{:08x}-0000-4000-8000-{:012x}", n >> 48, n & 0xffff_ffff_ffff)
}

fn events(first: u64, count: u64, client_id: i64) -> Value {
    let events: Vec<Value> = (first..first + count)
        .map(|n| {
            json!({
                "event_id": uuid(n),
                "at": "2025-03-01T10:00:00.000Z",
                "client_id": client_id,
                "site": "https://www.kimi.com",
                "action": "redacted",
                "findings": [
                    {"kind": "EMAIL", "rule_id": "email", "value": format!("person{n}@example.com")},
                    {"kind": "CLIENT_TERM", "rule_id": "dictionary", "value": "Project Falcon"}
                ]
            })
        })
        .collect();
    json!({"type": "audit_append", "events": events})
}

fn round_trip(c: &mut Criterion) {
    let mut host = Host::start();
    let client = host.request(json!({"type": "client_create", "name": "Acme"}))["client"]["id"].as_i64().expect("id");
    let terms: Vec<Value> = (0..1000).map(|n| json!({"text": format!("term {n}")})).collect();
    host.request(json!({"type": "term_import", "client_id": client, "terms": terms}));

    let mut group = c.benchmark_group("round_trip");
    group.bench_function("handshake", |b| b.iter(|| host.request(json!({"type": "handshake"}))));
    group.bench_function("active_client_get", |b| b.iter(|| host.request(json!({"type": "active_client_get"}))));
    group.bench_function("term_list_1000_terms", |b| {
        b.iter(|| host.request(json!({"type": "term_list", "client_id": client})))
    });
    group.finish();
}

fn audit_appends(c: &mut Criterion) {
    let mut host = Host::start();
    let client = host.request(json!({"type": "client_create", "name": "Acme"}))["client"]["id"].as_i64().expect("id");
    let mut next = 0u64;
    let mut group = c.benchmark_group("audit_append");
    for batch in [1u64, 100] {
        group.throughput(Throughput::Elements(batch));
        group.bench_function(format!("batch_of_{batch}"), |b| {
            b.iter_batched(
                || {
                    next += batch;
                    events(next - batch, batch, client)
                },
                |request| host.request(request),
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(5));
    targets = round_trip, audit_appends
}
criterion_main!(benches);
