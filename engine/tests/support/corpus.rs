//! The labelled corpus (tests/corpus/corpus.jsonl) and how the engine scores on it: shared by
//! the quality test and `cargo run --example quality`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use hush_engine::offsets::OffsetMap;
use hush_engine::Engine;
use serde::{Deserialize, Serialize};

/// One labelled text.
#[derive(Debug, Deserialize)]
pub struct Record {
    pub id: String,
    pub text: String,
    pub spans: Vec<Labelled>,
}

/// A labelled (or found) span, in Unicode scalar values.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Labelled {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// What the engine found in one record, as written to the expected-findings file.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    pub id: String,
    pub findings: Vec<FoundSpan>,
}

/// One finding, in Unicode scalar values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundSpan {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub rule: String,
}

/// Counts for one kind.
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.false_positives)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.false_negatives)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// The corpus directory, tests/corpus at the workspace root.
/// The engine as the extension runs it: every built-in detector and the shipped name gazetteer.
pub fn engine() -> Engine {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/names/names.bin");
    let bytes = std::fs::read(&path).expect("engine/data/names/names.bin exists");
    let mut engine = Engine::new();
    engine.set_name_gazetteer(hush_engine::NameGazetteer::from_bytes(&bytes).expect("names.bin is a gazetteer"));
    engine
}

pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus")
}

/// Every record of the corpus.
pub fn load() -> Vec<Record> {
    let path = corpus_dir().join("corpus.jsonl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("corpus line is a record"))
        .collect()
}

/// The engine's findings in `record`, in chars.
pub fn scan(engine: &Engine, record: &Record) -> Found {
    let mut offsets = OffsetMap::new(&record.text);
    let findings = engine
        .scan(&record.text)
        .into_iter()
        .map(|f| FoundSpan {
            start: offsets.at(f.bytes.start).1,
            end: offsets.at(f.bytes.end).1,
            kind: f.kind.as_str().to_string(),
            rule: f.rule.into_owned(),
        })
        .collect();
    Found { id: record.id.clone(), findings }
}

/// How many negative records (no label at all) get at least one finding, and how many
/// negatives there are.
pub fn negatives_flagged(engine: &Engine, records: &[Record]) -> (usize, usize) {
    let negatives: Vec<&Record> = records.iter().filter(|r| r.spans.is_empty()).collect();
    let flagged = negatives.iter().filter(|r| !engine.scan(&r.text).is_empty()).count();
    (flagged, negatives.len())
}

/// At most this share of negative records may hold a finding.
pub const MAX_NEGATIVES_FLAGGED: f64 = 0.02;

/// A mistake: a finding that is not labelled, or a label that was not found.
#[derive(Debug)]
pub struct Mistake {
    pub id: String,
    pub kind: String,
    pub missed: bool,
    pub value: String,
    pub rule: String,
}

/// Per-kind scores over the whole corpus (a finding counts only with the exact span and kind),
/// and the mistakes.
pub fn evaluate(engine: &Engine, records: &[Record]) -> (BTreeMap<String, Score>, Vec<Mistake>) {
    let mut scores: BTreeMap<String, Score> = BTreeMap::new();
    let mut mistakes = Vec::new();
    for record in records {
        let found = scan(engine, record);
        let chars: Vec<char> = record.text.chars().collect();
        let value = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
        for f in &found.findings {
            let hit = record.spans.iter().any(|l| l.start == f.start && l.end == f.end && l.label == f.kind);
            let score = scores.entry(f.kind.clone()).or_default();
            if hit {
                score.true_positives += 1;
            } else {
                score.false_positives += 1;
                mistakes.push(Mistake {
                    id: record.id.clone(),
                    kind: f.kind.clone(),
                    missed: false,
                    value: value(f.start, f.end),
                    rule: f.rule.clone(),
                });
            }
        }
        for l in &record.spans {
            let hit = found.findings.iter().any(|f| l.start == f.start && l.end == f.end && l.label == f.kind);
            if !hit {
                scores.entry(l.label.clone()).or_default().false_negatives += 1;
                mistakes.push(Mistake {
                    id: record.id.clone(),
                    kind: l.label.clone(),
                    missed: true,
                    value: value(l.start, l.end),
                    rule: String::new(),
                });
            }
        }
    }
    (scores, mistakes)
}

/// The quality each kind must reach, in precision and in recall.
pub fn target(kind: &str) -> f64 {
    match kind {
        "MONEY" | "DATE_OF_BIRTH" | "ADDRESS" => 0.85,
        "PERSON" => 0.80,
        _ => 0.97,
    }
}
