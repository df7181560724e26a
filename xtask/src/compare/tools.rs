//! The detectors under comparison and how each one is run over the pooled corpus.
//!
//! Every tool writes `{"id", "findings": [{"start", "end", "label"}]}` lines, offsets in chars,
//! into `target/compare/<tool>.jsonl`. The scripts (tests/compare/) time their own scan calls and
//! add a `{"scan_seconds"}` line, so loading spaCy's model or compiling the wasm module is not
//! counted; `hush-host scan` is timed from outside, over the corpus repeated in one process, so
//! its start-up is spread thin and JSON reading and writing is counted.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;

use anyhow::{bail, Context};
use serde_json::Value;

use super::corpus::{self, Corpus};
use super::kinds::Labels;
use super::score::Span;
use crate::command::{self, in_root};
use crate::{assemble, paths};

/// Scan at least this long when timing a tool, so fast tools are not timed over milliseconds.
const MIN_SECONDS: f64 = 2.0;

/// A detector under comparison.
pub struct Tool {
    /// Its name in the table.
    pub name: &'static str,
    /// The labels it answers with.
    pub labels: Labels,
    how: How,
}

enum How {
    /// `hush-host scan --format jsonl`.
    HushHost,
    /// A script that prints findings and its own scan time: `program args… CORPUS`.
    Script { program: String, args: &'static [&'static str] },
}

/// A tool's findings, one list per record, and the seconds one pass over the corpus took.
pub struct Run {
    /// Findings per record, in corpus order.
    pub predicted: Vec<Vec<Span>>,
    /// Seconds of scanning for one pass over the corpus.
    pub scan_seconds: f64,
}

/// Every tool, in the table's order. `python` is the virtual environment's interpreter.
pub fn all(python: &Path) -> anyhow::Result<Vec<Tool>> {
    let python = python.to_str().context("the virtual environment's path is not UTF-8")?;
    let script = |program: &str, args: &'static [&'static str]| How::Script { program: program.to_string(), args };
    Ok(vec![
        Tool { name: "Hush (native)", labels: Labels::Hush, how: How::HushHost },
        Tool { name: "Hush (wasm, node)", labels: Labels::Hush, how: script("node", &["tests/compare/hush_wasm.mjs"]) },
        Tool {
            name: "Presidio",
            labels: Labels::Presidio,
            how: script(python, &["tests/compare/tools.py", "presidio"]),
        },
        Tool {
            name: "detect-secrets",
            labels: Labels::DetectSecrets,
            how: script(python, &["tests/compare/tools.py", "detect-secrets"]),
        },
        Tool {
            name: "gitleaks",
            labels: Labels::Gitleaks,
            how: script(python, &["tests/compare/tools.py", "gitleaks"]),
        },
    ])
}

impl Tool {
    /// Runs the tool over the pooled corpus at `pooled` and reads its answers.
    pub fn run(&self, pooled: &Path, corpus: &Corpus) -> anyhow::Result<Run> {
        let out = output_path(self.name);
        let timed = match &self.how {
            How::HushHost => Some(hush_host(pooled, &out)?),
            How::Script { program, args } => {
                let mut cmd = in_root(program);
                cmd.args(*args).arg(pooled).stdout(std::fs::File::create(&out)?);
                command::run(&mut cmd)?;
                None
            }
        };
        let text = std::fs::read_to_string(&out).with_context(|| format!("cannot read {}", out.display()))?;
        let (predicted, reported) = parse(&text, corpus).with_context(|| format!("{}: bad output", out.display()))?;
        let Some(scan_seconds) = timed.or(reported) else {
            bail!("{} did not report its scan time", self.name);
        };
        Ok(Run { predicted, scan_seconds })
    }
}

/// `target/compare/<name>.jsonl`, the name's letters and digits in lower case.
fn output_path(name: &str) -> PathBuf {
    let slug: String = name.chars().filter(|c| c.is_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect();
    paths::target().join("compare").join(format!("{slug}.jsonl"))
}

/// Runs `hush-host scan` once for the findings, then over the corpus repeated for the time.
fn hush_host(pooled: &Path, out: &Path) -> anyhow::Result<f64> {
    let pooled = pooled.to_str().context("corpus path is not UTF-8")?;
    println!("hush-host scan --format jsonl {pooled} > {}", out.display());
    let once = timed_scan(&[pooled], Stdio::from(std::fs::File::create(out)?))?;
    let repeats = (MIN_SECONDS / once).ceil().clamp(1.0, 1000.0) as usize;
    println!("hush-host scan --format jsonl, the corpus {repeats} times in one process, for the time");
    Ok(timed_scan(&vec![pooled; repeats], Stdio::null())? / repeats as f64)
}

/// Seconds `hush-host scan --format jsonl FILES` took; it exits 1 when it found something.
fn timed_scan(files: &[&str], stdout: Stdio) -> anyhow::Result<f64> {
    let mut cmd = assemble::host(&["scan", "--format", "jsonl"]);
    cmd.args(files).stdout(stdout);
    let started = Instant::now();
    let status = cmd.status().context("cannot start hush-host")?;
    let seconds = started.elapsed().as_secs_f64();
    if !matches!(status.code(), Some(0 | 1)) {
        bail!("hush-host scan failed ({status})");
    }
    Ok(seconds)
}

/// A tool's output: findings per record, and the scan time if it reported one.
fn parse(output: &str, corpus: &Corpus) -> anyhow::Result<(Vec<Vec<Span>>, Option<f64>)> {
    let mut predicted = vec![Vec::new(); corpus.texts.len()];
    let mut seconds = None;
    for line in output.lines().filter(|l| !l.trim().is_empty()) {
        let value: Value = serde_json::from_str(line).with_context(|| format!("not JSON: {line}"))?;
        if let Some(s) = value["scan_seconds"].as_f64() {
            seconds = Some(s);
            continue;
        }
        let id = value["id"].as_u64().and_then(|id| usize::try_from(id).ok()).filter(|id| *id < predicted.len());
        let Some(id) = id else {
            bail!("no record has the id of {line}");
        };
        let chars = corpus.texts[id].chars().count();
        let findings = value["findings"].as_array().with_context(|| format!("no findings array: {line}"))?;
        for finding in findings {
            predicted[id].push(corpus::span(finding, chars)?);
        }
    }
    Ok((predicted, seconds))
}
