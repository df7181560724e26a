//! Precision, recall and F1 of the built-in detectors on the labelled corpus.
//!
//!     cargo run --release -p hush-engine --example quality                # the table
//!     cargo run --release -p hush-engine --example quality -- --mistakes  # and every mistake
//!     cargo run --release -p hush-engine --example quality -- --write-expected
//!
//! `--write-expected` rewrites tests/corpus/expected-findings.jsonl, the engine's findings on
//! every record, which the wasm tests compare the WebAssembly build against.

#[path = "../tests/support/corpus.rs"]
mod corpus;

use std::io::Write;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let engine = corpus::engine();
    let records = corpus::load();
    let negatives = records.iter().filter(|r| r.spans.is_empty()).count();
    println!(
        "corpus: {} records, {} negatives ({:.0}%)",
        records.len(),
        negatives,
        100.0 * negatives as f64 / records.len() as f64
    );
    let (scores, mistakes) = corpus::evaluate(&engine, &records);
    println!(
        "{:<16} {:>6} {:>5} {:>5} {:>9} {:>7} {:>6}  target",
        "kind", "tp", "fp", "fn", "precision", "recall", "f1"
    );
    let mut all_met = true;
    for (kind, s) in &scores {
        let target = corpus::target(kind);
        let met = s.precision() >= target && s.recall() >= target;
        all_met &= met;
        println!(
            "{kind:<16} {:>6} {:>5} {:>5} {:>9.3} {:>7.3} {:>6.3}  {target:.2} {}",
            s.true_positives,
            s.false_positives,
            s.false_negatives,
            s.precision(),
            s.recall(),
            s.f1(),
            if met { "ok" } else { "MISSED" }
        );
    }
    let (flagged, negatives) = corpus::negatives_flagged(&engine, &records);
    let share = flagged as f64 / negatives.max(1) as f64;
    let negatives_met = share < corpus::MAX_NEGATIVES_FLAGGED;
    all_met &= negatives_met;
    println!(
        "negatives flagged: {flagged} of {negatives} ({:.1}%, target below {:.0}%) {}",
        100.0 * share,
        100.0 * corpus::MAX_NEGATIVES_FLAGGED,
        if negatives_met { "ok" } else { "MISSED" }
    );
    if args.iter().any(|a| a == "--mistakes") {
        for m in &mistakes {
            println!("{} {} {} {:?} {}", if m.missed { "missed" } else { "false " }, m.id, m.kind, m.value, m.rule);
        }
    }
    if args.iter().any(|a| a == "--write-expected") {
        let path = corpus::corpus_dir().join("expected-findings.jsonl");
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
        for record in &records {
            let found = corpus::scan(&engine, record);
            writeln!(out, "{}", serde_json::to_string(&found).map_err(std::io::Error::other)?)?;
        }
        println!("wrote {}", path.display());
    }
    println!("{}", if all_met { "every kind meets its target" } else { "some kinds miss their target" });
    Ok(())
}
