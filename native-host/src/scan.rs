//! `hush-host scan`: the engine over files or stdin, for a person or for a machine.

use std::io::Read;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use hush_engine::Engine;

/// Arguments of `hush-host scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Files to scan; none (or `-`) reads stdin.
    paths: Vec<PathBuf>,
}

/// Whether a scan found anything: the caller maps it to the exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanOutcome {
    /// Nothing sensitive.
    Clean,
    /// At least one finding.
    Found,
}

/// Runs `hush-host scan`.
pub fn run(args: &ScanArgs) -> anyhow::Result<ScanOutcome> {
    let engine = Engine::new();
    let mut total = 0;
    let inputs: Vec<Option<&PathBuf>> =
        if args.paths.is_empty() { vec![None] } else { args.paths.iter().map(Some).collect() };
    for input in inputs {
        let (name, text) = read_input(input)?;
        for finding in engine.scan(&text) {
            let (line, col) = line_and_column(&text, finding.bytes.start);
            println!("{name}:{line}:{col} {} {}", finding.kind.as_str(), finding.rule);
            total += 1;
        }
    }
    eprintln!("{total} finding{}", if total == 1 { "" } else { "s" });
    Ok(if total > 0 { ScanOutcome::Found } else { ScanOutcome::Clean })
}

fn read_input(path: Option<&PathBuf>) -> anyhow::Result<(String, String)> {
    match path {
        Some(path) if path.as_os_str() != "-" => {
            let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            Ok((path.display().to_string(), String::from_utf8_lossy(&bytes).into_owned()))
        }
        _ => {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).context("cannot read stdin")?;
            Ok(("<stdin>".to_string(), String::from_utf8_lossy(&bytes).into_owned()))
        }
    }
}

/// 1-based line and column (in chars) of byte offset `at`.
fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}
