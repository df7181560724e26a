//! The engine on the labelled corpus: every kind reaches its precision and recall target, and
//! the findings are those recorded in tests/corpus/expected-findings.jsonl (which the wasm
//! build is checked against too).

mod support;

use support::corpus;

#[test]
fn every_kind_meets_its_quality_target() {
    let records = corpus::load();
    let negatives = records.iter().filter(|r| r.spans.is_empty()).count();
    assert!(records.len() >= 2000, "the corpus must hold at least 2,000 records");
    assert!(negatives * 10 >= records.len() * 3, "at least 30% of the corpus must be negatives");
    let (scores, mistakes) = corpus::evaluate(&corpus::engine(), &records);
    let missed: Vec<String> = scores
        .iter()
        .filter(|(kind, s)| s.precision() < corpus::target(kind) || s.recall() < corpus::target(kind))
        .map(|(kind, s)| format!("{kind}: precision {:.3}, recall {:.3}", s.precision(), s.recall()))
        .collect();
    assert!(missed.is_empty(), "targets missed: {missed:?}\nfirst mistakes: {:?}", &mistakes[..mistakes.len().min(20)]);
}

#[test]
fn few_negatives_are_flagged() {
    let records = corpus::load();
    let (flagged, negatives) = corpus::negatives_flagged(&corpus::engine(), &records);
    assert!(
        (flagged as f64) < corpus::MAX_NEGATIVES_FLAGGED * negatives as f64,
        "{flagged} of {negatives} negative records hold a finding"
    );
}

#[test]
fn findings_match_the_recorded_expectations() {
    let expected_path = corpus::corpus_dir().join("expected-findings.jsonl");
    let expected = std::fs::read_to_string(&expected_path).expect("expected-findings.jsonl exists");
    let engine = corpus::engine();
    let records = corpus::load();
    let expected: Vec<corpus::Found> =
        expected.lines().map(|l| serde_json::from_str(l).expect("a findings line")).collect();
    assert_eq!(
        expected.len(),
        records.len(),
        "regenerate with `cargo run -p hush-engine --example quality -- --write-expected`"
    );
    for (record, expected) in records.iter().zip(&expected) {
        assert_eq!(
            corpus::scan(&engine, record),
            *expected,
            "findings changed; if intended, regenerate with `cargo run -p hush-engine --example quality -- --write-expected`"
        );
    }
}
