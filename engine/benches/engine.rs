//! The engine's speed and memory, as the README reports them:
//!
//!     cargo bench -p hush-engine --bench engine
//!     cargo bench -p hush-engine --bench engine -- --warm-up-time 1 --measurement-time 3   # quicker
//!
//! - scan throughput over 1 MB of mixed text (prose, code, logs, config, CJK, with sensitive
//!   values sprinkled in) with every detector and a 10,000-term dictionary;
//! - where that scan's time goes: each part alone over the same megabyte (`parts/`: the digit
//!   groups every numeric detector shares, each detector over them, and the dictionary);
//! - one scan of a 20,000-character prompt (what a keystroke in a long prompt costs);
//! - compiling a 10,000-term dictionary (done again on every dictionary change);
//! - reading the name gazetteer (the asset the extension ships as `hush-names.bin`), and its size;
//! - memory: resident set growth for the compiled engine and the dictionary (Linux).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::sync::Arc;

use hush_engine::detectors::{self, ScanText};
use hush_engine::dictionary::{Category, Client, DictionaryMatcher, Pattern, Term};
use hush_engine::names::PersonDetector;
use hush_engine::{Dictionary, Engine, EngineConfig, NameGazetteer};

/// Paragraphs of the kinds of text people paste into a chatbot.
const PARAGRAPHS: &[&str] = &[
    "Hi team, following up on yesterday's call: the client wants the revised proposal by Friday. \
     Please keep the budget under the agreed cap and loop in finance before sending anything.\n",
    "fn handle(req: Request) -> Result<Response> {\n    let id = req.param(\"id\")?.parse::<u64>()?;\n    \
     let order = db.load(id).await?;\n    Ok(Response::json(&order))\n}\n",
    "2024-03-15T10:22:31.482Z INFO request_id=6f1c2a9e-0b7d-4c55-9a1e-3f2b8c4d5e6f status=200 latency=42ms \
     path=/api/v2/orders/88213 user_agent=Mozilla/5.0\n",
    "server:\n  port: 8443\n  workers: 8\ndatabase:\n  host: db.internal\n  password: ${DB_PASSWORD}\n  pool: 20\n",
    "Revenue grew 12.4% year over year, with 18,250 units shipped across 14 regions; see chapter 3, \
     pages 45-67, and version 2.13.1 of the report.\n",
    "我们和客户确认了第三季度的预算，项目下周开始。请在周五之前把报告发给财务部门，谢谢！😀\n",
    "Contact Jane at jane.roe@example.com or +44 20 7946 0958; the invoice total is €48,500 payable to \
     DE89 3704 0044 0532 0130 00 within 30 days.\n",
    "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nexport DATABASE_URL=postgres://app:Zq8v1xQ2pL@10.0.3.12:5432/prod\n",
    "The patient, born on 12 March 1985, lives at 221B Baker Street, London NW1 6XE; SSN 536-22-1234.\n",
    "Le rendez-vous est fixé au 15/03/2024 à 14h30 ; merci de confirmer votre présence avant jeudi.\n",
];

/// About `len` bytes of mixed text, the same every run.
fn mixed_text(len: usize) -> String {
    let mut text = String::with_capacity(len + 1024);
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    while text.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        // Sensitive paragraphs (the last four) are rarer than the rest, as in real text.
        let index = (state % 16) as usize;
        let paragraph = if index < 6 { PARAGRAPHS[index] } else { PARAGRAPHS[index % PARAGRAPHS.len()] };
        text.push_str(paragraph);
    }
    text
}

/// A dictionary of `clients` clients with `per_client` terms each (names, contacts, codenames,
/// hostnames, amounts) and one pattern per client.
fn dictionary(clients: usize, per_client: usize) -> Dictionary {
    const FIRST: &[&str] =
        &["Ana", "Bruno", "Chloé", "Dmitri", "Eun-ji", "Farah", "Gustav", "Hiroshi", "Inès", "Jonas"];
    const LAST: &[&str] =
        &["Martin", "Schäfer", "García", "Rossi", "Dubois", "Jansen", "Tanaka", "Chen", "Patel", "Novak"];
    let clients = (0..clients)
        .map(|c| {
            let terms = (0..per_client)
                .map(|t| {
                    let (term, category) = match t % 5 {
                        0 => (format!("Client{c} Holdings {t}"), Category::Client),
                        1 => (
                            format!("{} {} {c}-{t}", FIRST[t % FIRST.len()], LAST[(t / 10) % LAST.len()]),
                            Category::Contact,
                        ),
                        2 => (format!("Project Nimbus{c}x{t}"), Category::Project),
                        3 => (format!("srv-{c}-{t}.corp.internal"), Category::Hostname),
                        _ => (format!("€{},{:03}", c + 10, t), Category::Amount),
                    };
                    Term { term, aliases: vec![], category }
                })
                .collect();
            Client {
                id: format!("c{c}"),
                name: format!("Client {c}"),
                alias: None,
                terms,
                patterns: vec![Pattern { id: "ticket".into(), regex: format!(r"C{c}-\d{{5}}"), label: None }],
            }
        })
        .collect();
    Dictionary { clients }
}

/// The name gazetteer's bytes, as the extension ships them.
fn name_asset() -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/names/names.bin")).expect("names.bin exists")
}

/// Every detector the extension runs: the built-in ones, PERSON with the gazetteer, and the
/// dictionary.
fn engine_with_dictionary(dictionary: &Dictionary) -> Engine {
    let mut engine = Engine::with_config(EngineConfig { dictionary: dictionary.clone(), ..EngineConfig::default() })
        .expect("the benchmark dictionary compiles");
    engine.set_name_gazetteer(NameGazetteer::from_bytes(&name_asset()).expect("names.bin is a gazetteer"));
    engine
}

fn scan(c: &mut Criterion) {
    let dictionary = dictionary(50, 200);
    let engine = engine_with_dictionary(&dictionary);
    let megabyte = mixed_text(1 << 20);
    let mut group = c.benchmark_group("scan");
    group.throughput(Throughput::Bytes(megabyte.len() as u64));
    group.sample_size(20);
    group.bench_function("1MB mixed, all detectors, 10k-term dictionary", |b| {
        b.iter(|| engine.scan(black_box(&megabyte)))
    });
    let builtin = Engine::new();
    group.bench_function("1MB mixed, built-in detectors only", |b| b.iter(|| builtin.scan(black_box(&megabyte))));
    group.finish();

    let prompt: String = mixed_text(40_000).chars().take(20_000).collect();
    let mut group = c.benchmark_group("prompt");
    group.bench_function("20,000-char prompt, all detectors, 10k-term dictionary", |b| {
        b.iter(|| engine.scan(black_box(&prompt)))
    });
    group.finish();
}

/// Each part of the 1 MB scan alone: what the README's "where the time goes" reports.
fn parts(c: &mut Criterion) {
    let megabyte = mixed_text(1 << 20);
    let mut group = c.benchmark_group("parts");
    group.throughput(Throughput::Bytes(megabyte.len() as u64));
    group.sample_size(20);
    group.bench_function("digit groups (ScanText)", |b| b.iter(|| ScanText::new(black_box(&megabyte))));
    let scan_text = ScanText::new(&megabyte);
    let mut every_detector = detectors::builtin();
    let gazetteer = NameGazetteer::from_bytes(&name_asset()).expect("names.bin is a gazetteer");
    every_detector.push(Box::new(PersonDetector::new(Arc::new(gazetteer))));
    for detector in &every_detector {
        group.bench_function(detector.id(), |b| {
            b.iter(|| {
                let mut found = Vec::new();
                detector.detect(black_box(&scan_text), &mut found);
                found
            })
        });
    }
    let matcher = DictionaryMatcher::compile(&dictionary(50, 200)).expect("the benchmark dictionary compiles");
    group.bench_function("dictionary", |b| {
        b.iter(|| {
            let mut found = Vec::new();
            matcher.detect(black_box(&megabyte), &mut found);
            found
        })
    });
    group.finish();
}

fn compile(c: &mut Criterion) {
    let dictionary = dictionary(50, 200);
    let mut group = c.benchmark_group("compile");
    group.sample_size(10);
    group.bench_function("10,000-term dictionary", |b| {
        let mut engine = Engine::new();
        b.iter(|| engine.set_dictionary(black_box(&dictionary)).expect("compiles"))
    });
    group.bench_function("engine with built-in detectors", |b| b.iter(Engine::new));
    let names = name_asset();
    println!("name gazetteer asset: {} bytes", names.len());
    group.bench_function("read the name gazetteer", |b| {
        b.iter(|| NameGazetteer::from_bytes(black_box(&names)).expect("a gazetteer"))
    });
    group.finish();
}

/// Resident set size of this process, in KiB (Linux; 0 elsewhere).
fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:").map(|v| v.trim().trim_end_matches(" kB").trim().to_string()))
        })
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn memory(_: &mut Criterion) {
    let before = resident_kib();
    let builtin = Engine::new();
    let after_builtin = resident_kib();
    let gazetteer = NameGazetteer::from_bytes(&name_asset()).expect("names.bin is a gazetteer");
    let after_names = resident_kib();
    let dictionary = dictionary(50, 200);
    let mut engine = Engine::with_config(EngineConfig { dictionary, ..EngineConfig::default() })
        .expect("the benchmark dictionary compiles");
    let after_dictionary = resident_kib();
    engine.set_name_gazetteer(gazetteer);
    let text = mixed_text(1 << 20);
    let findings = engine.scan(&text).len();
    let after_scan = resident_kib();
    println!(
        "memory (resident set growth): built-in engine {} KiB; name gazetteer {} KiB; \
         10,000-term dictionary {} KiB; 1 MB scan ({findings} findings) {} KiB",
        after_builtin.saturating_sub(before),
        after_names.saturating_sub(after_builtin),
        after_dictionary.saturating_sub(after_names),
        after_scan.saturating_sub(after_dictionary)
    );
    black_box((builtin, engine));
}

criterion_group!(benches, memory, scan, parts, compile);
criterion_main!(benches);
