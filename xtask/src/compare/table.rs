//! The comparison as one Markdown table (printed, and pasted into the README as it is).

use std::fmt::Write;

use super::corpus::Corpus;
use super::kinds::Labels;
use super::score::{Counts, Score};
use crate::paths;

/// One column: a tool's name, labels, score and speed.
pub struct Column {
    /// The tool's name.
    pub name: &'static str,
    /// Its labels, to tell a kind it never reports ("—") from one it misses (0.00).
    pub labels: Labels,
    /// Its score over the corpus.
    pub score: Score,
    /// Megabytes (10^6 bytes of UTF-8) scanned per second.
    pub mb_per_s: f64,
}

/// The table, with a line above it that names the corpus.
pub fn render(corpus: &Corpus, columns: &[Column]) -> String {
    let root = paths::root();
    let files: Vec<String> =
        corpus.files.iter().map(|f| f.strip_prefix(&root).unwrap_or(f).display().to_string()).collect();
    let gold = corpus.gold.iter().map(Vec::len).sum::<usize>();
    let mut out = format!(
        "Corpus: {} ({} records, {:.2} MB, {gold} gold spans). Cells: precision / recall / F1; \
         a span is found when a prediction of its kind covers at least half of it; \"—\": the tool has no such kind.\n\n",
        files.join(", "),
        corpus.texts.len(),
        corpus.bytes() as f64 / 1e6,
    );
    let names: Vec<&str> = columns.iter().map(|c| c.name).collect();
    row(&mut out, "kind (gold spans)", names.iter().map(|n| n.to_string()));
    row(&mut out, "---", names.iter().map(|_| "---".to_string()));
    let Some(first) = columns.first() else {
        return out;
    };
    for (kind, counts) in &first.score.per_kind {
        let cells =
            columns.iter().map(|c| if c.labels.reports(kind) { prf(&c.score.per_kind[kind]) } else { "—".to_string() });
        row(&mut out, &format!("{kind} ({})", counts.gold), cells);
    }
    row(&mut out, "**overall, every labelled kind**", columns.iter().map(|c| prf(&c.score.total(|_| true))));
    row(
        &mut out,
        "**overall, the kinds the tool reports**",
        columns.iter().map(|c| prf(&c.score.total(|k| c.labels.reports(k)))),
    );
    row(
        &mut out,
        "**any-kind coverage** (gold chars inside any finding)",
        columns.iter().map(|c| c.score.coverage().map_or("n/a".to_string(), |r| format!("{:.1}%", r * 100.0))),
    );
    row(&mut out, "**throughput** (MB/s)", columns.iter().map(|c| speed(c.mb_per_s)));
    out
}

fn row(out: &mut String, first: &str, cells: impl Iterator<Item = String>) {
    let cells: Vec<String> = cells.collect();
    writeln!(out, "| {first} | {} |", cells.join(" | ")).expect("writing to a String");
}

/// `precision / recall / F1`; a precision without predictions is `n/a`.
fn prf(counts: &Counts) -> String {
    let two = |r: Option<f64>| r.map_or("n/a".to_string(), |r| format!("{r:.2}"));
    format!("{} / {} / {:.2}", two(counts.precision()), two(counts.recall()), counts.f1())
}

/// Three significant figures or so.
fn speed(mb_per_s: f64) -> String {
    match mb_per_s {
        s if s >= 100.0 => format!("{s:.0}"),
        s if s >= 10.0 => format!("{s:.1}"),
        s if s >= 1.0 => format!("{s:.2}"),
        s => format!("{s:.3}"),
    }
}
