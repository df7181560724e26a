//! `hush-host scan`: the engine over files or stdin, for a person or for a machine.
//!
//! For a person: one `path:line:col KIND rule` line per finding (in colour on a terminal) and a
//! summary on stderr; `--redact` writes the redacted text instead. For a machine, `--format
//! jsonl`: each input line `{"id": …, "text": …}` gives one output line `{"id": …, "findings":
//! [{"start", "end", "kind", "rule", "confidence"}]}`, offsets in chars unless `--offsets` says
//! otherwise. The exit code (decided in main.rs) is 1 when something was found, 0 when clean, so
//! the command works as a pre-commit hook. No sensitive value is ever printed except in the
//! redacted text the user asked for.

use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use hush_engine::offsets::OffsetMap;
use hush_engine::{Conversation, Dictionary, Engine, EngineConfig, Finding, NameGazetteer, Severity};
use serde::{Deserialize, Serialize};

/// Arguments of `hush-host scan`.
#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Files to scan; none (or `-`) reads stdin.
    paths: Vec<PathBuf>,
    /// Write the text with every finding replaced by a placeholder, instead of listing findings.
    #[arg(long)]
    redact: bool,
    /// `human`: path:line:col lines; `jsonl`: one {"id","text"} object per input line in, one
    /// {"id","findings"} object per line out.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// The unit of `start`/`end` in jsonl output.
    #[arg(long, value_enum, default_value_t = Offsets::Char)]
    offsets: Offsets,
    /// When to colour the human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// A client dictionary (the JSON the extension uses) to scan for as well.
    #[arg(long, value_name = "FILE")]
    dictionary: Option<PathBuf>,
    /// Detector or rule ids to switch off (`phone`, `secret.generic_assignment`); repeatable.
    #[arg(long = "disable", value_name = "ID")]
    disabled: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Offsets {
    /// Unicode scalar values (Python's str indices).
    Char,
    /// UTF-16 code units (JavaScript's string indices).
    Utf16,
    /// UTF-8 bytes.
    Byte,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
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
    let engine = build_engine(args)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let total = match args.format {
        Format::Jsonl => {
            let mut total = 0;
            for input in inputs(args) {
                let reader = open(input.as_ref())?;
                total += scan_jsonl(&engine, reader, &mut out, args.offsets, args.redact)?;
            }
            total
        }
        Format::Human => {
            let colour = match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            };
            let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
            let mut files = 0;
            for input in inputs(args) {
                let (name, text) = read_text(input.as_ref())?;
                let Some(text) = text else {
                    eprintln!("hush-host: skipped {name}: binary file");
                    continue;
                };
                files += 1;
                let findings = engine.scan(&text);
                for f in &findings {
                    *counts.entry(f.kind.as_str()).or_default() += 1;
                }
                if args.redact {
                    out.write_all(Conversation::new().redact(&text, &findings).text.as_bytes())?;
                } else {
                    write_human(&name, &text, &findings, colour, &mut out)?;
                }
            }
            eprintln!("{}", summary(&counts, files));
            counts.values().sum()
        }
    };
    out.flush()?;
    Ok(if total > 0 { ScanOutcome::Found } else { ScanOutcome::Clean })
}

fn build_engine(args: &ScanArgs) -> anyhow::Result<Engine> {
    let dictionary = match &args.dictionary {
        Some(path) => {
            let json = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
            serde_json::from_str::<Dictionary>(&json).map_err(|e| {
                anyhow::anyhow!("{}: not a dictionary (line {}, column {})", path.display(), e.line(), e.column())
            })?
        }
        None => Dictionary::default(),
    };
    let config = EngineConfig { dictionary, disabled: args.disabled.clone(), ..EngineConfig::default() };
    let mut engine = Engine::with_config(config).map_err(|e| anyhow::anyhow!("dictionary: {e}"))?;
    engine.set_name_gazetteer(NameGazetteer::from_bytes(NAMES).map_err(|e| anyhow::anyhow!("names: {e}"))?);
    Ok(engine)
}

/// The PERSON detector's gazetteer, the same file the extension ships as `hush-names.bin`
/// (written by engine/data/names/generate.py). The host is no page's start-up path, so it
/// carries the gazetteer inside its binary.
const NAMES: &[u8] = include_bytes!("../../engine/data/names/names.bin");

/// The inputs: each path, or stdin (`None`) when there is none.
fn inputs(args: &ScanArgs) -> Vec<Option<PathBuf>> {
    if args.paths.is_empty() {
        return vec![None];
    }
    args.paths.iter().map(|p| (p.as_os_str() != "-").then(|| p.clone())).collect()
}

fn open(path: Option<&PathBuf>) -> anyhow::Result<Box<dyn BufRead>> {
    Ok(match path {
        Some(path) => Box::new(std::io::BufReader::new(
            std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?,
        )),
        None => Box::new(std::io::BufReader::new(std::io::stdin())),
    })
}

/// The input's name and its text; `None` for the text of a binary file (a NUL byte in its
/// first 8 KiB, as git decides). Invalid UTF-8 is replaced, so offsets stay meaningful.
fn read_text(path: Option<&PathBuf>) -> anyhow::Result<(String, Option<String>)> {
    let mut bytes = Vec::new();
    let name = match path {
        Some(path) => {
            if path.is_dir() {
                bail!("{} is a directory: pass the files to scan", path.display());
            }
            bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
            path.display().to_string()
        }
        None => {
            std::io::stdin().read_to_end(&mut bytes).context("cannot read stdin")?;
            "<stdin>".to_string()
        }
    };
    let binary = bytes[..bytes.len().min(8192)].contains(&0);
    Ok((name, (!binary).then(|| String::from_utf8_lossy(&bytes).into_owned())))
}

/// Writes one `path:line:col KIND rule` line per finding.
fn write_human(
    name: &str,
    text: &str,
    findings: &[Finding],
    colour: bool,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let mut lines = LinePositions::new(text);
    for f in findings {
        let (line, col) = lines.at(f.bytes.start);
        if colour {
            let paint = match f.severity {
                Severity::Critical => "1;31",
                Severity::High => "31",
                Severity::Medium => "33",
                Severity::Low => "36",
            };
            writeln!(out, "\x1b[1m{name}\x1b[0m:{line}:{col} \x1b[{paint}m{}\x1b[0m {}", f.kind.as_str(), f.rule)?;
        } else {
            writeln!(out, "{name}:{line}:{col} {} {}", f.kind.as_str(), f.rule)?;
        }
    }
    Ok(())
}

fn summary(counts: &BTreeMap<&'static str, usize>, files: usize) -> String {
    let total: usize = counts.values().sum();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    if total == 0 {
        return format!("no findings in {}", plural(files, "input"));
    }
    let by_kind: Vec<String> = counts.iter().map(|(kind, n)| format!("{n} {kind}")).collect();
    format!("{} in {}: {}", plural(total, "finding"), plural(files, "input"), by_kind.join(", "))
}

/// 1-based line and column (in chars) of byte offsets asked for in increasing order.
struct LinePositions<'t> {
    text: &'t str,
    at: usize,
    line: usize,
    line_start: usize,
}

impl<'t> LinePositions<'t> {
    fn new(text: &'t str) -> Self {
        LinePositions { text, at: 0, line: 1, line_start: 0 }
    }

    fn at(&mut self, byte: usize) -> (usize, usize) {
        if byte < self.at {
            *self = LinePositions::new(self.text);
        }
        for (i, b) in self.text.as_bytes()[self.at..byte].iter().enumerate() {
            if *b == b'\n' {
                self.line += 1;
                self.line_start = self.at + i + 1;
            }
        }
        self.at = byte;
        (self.line, self.text[self.line_start..byte].chars().count() + 1)
    }
}

/// One input line of `--format jsonl`.
#[derive(Debug, Deserialize)]
struct JsonlInput {
    id: serde_json::Value,
    text: String,
}

/// One output line of `--format jsonl`.
#[derive(Debug, Serialize)]
struct JsonlOutput<'a> {
    id: &'a serde_json::Value,
    findings: Vec<JsonlFinding<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    redacted: Option<String>,
}

#[derive(Debug, Serialize)]
struct JsonlFinding<'a> {
    start: usize,
    end: usize,
    kind: &'static str,
    rule: &'a str,
    confidence: f32,
}

/// Scans every `{"id", "text"}` line of `input` and writes one result line per input line;
/// returns the number of findings. Blank lines are skipped.
///
/// # Errors
/// A line that is not such an object stops the scan with its line number (not its content).
fn scan_jsonl(
    engine: &Engine,
    input: impl BufRead,
    out: &mut impl Write,
    offsets: Offsets,
    redact: bool,
) -> anyhow::Result<usize> {
    let mut total = 0;
    for (number, line) in input.lines().enumerate() {
        let line = line.with_context(|| format!("line {}: cannot read", number + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let record: JsonlInput = serde_json::from_str(&line).map_err(|e| {
            anyhow::anyhow!("line {}: expected {{\"id\": …, \"text\": \"…\"}} ({})", number + 1, json_problem(&e))
        })?;
        let findings = engine.scan(&record.text);
        total += findings.len();
        let mut map = OffsetMap::new(&record.text);
        let converted = findings
            .iter()
            .map(|f| {
                let (start, end) = match offsets {
                    Offsets::Byte => (f.bytes.start, f.bytes.end),
                    Offsets::Utf16 => (f.utf16.start, f.utf16.end),
                    Offsets::Char => (map.at(f.bytes.start).1, map.at(f.bytes.end).1),
                };
                JsonlFinding { start, end, kind: f.kind.as_str(), rule: &f.rule, confidence: f.confidence }
            })
            .collect();
        let redacted = redact.then(|| Conversation::new().redact(&record.text, &findings).text);
        serde_json::to_writer(&mut *out, &JsonlOutput { id: &record.id, findings: converted, redacted })?;
        out.write_all(b"\n")?;
    }
    Ok(total)
}

/// What is wrong with a JSON line, without quoting the input (it may hold a secret).
fn json_problem(error: &serde_json::Error) -> &'static str {
    match error.classify() {
        serde_json::error::Category::Io => "unreadable",
        serde_json::error::Category::Syntax => "not valid JSON",
        serde_json::error::Category::Data => "not an object with an id and a string text",
        serde_json::error::Category::Eof => "truncated JSON",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jsonl(input: &str, offsets: Offsets, redact: bool) -> (String, usize) {
        let mut out = Vec::new();
        let total = scan_jsonl(&Engine::new(), input.as_bytes(), &mut out, offsets, redact).unwrap();
        (String::from_utf8(out).unwrap(), total)
    }

    #[test]
    fn jsonl_gives_one_line_per_record_with_char_offsets() {
        let input =
            "{\"id\": \"a\", \"text\": \"😀 mail ana@example.org\"}\n\n{\"id\": 7, \"text\": \"nothing here\"}\n";
        let (out, total) = jsonl(input, Offsets::Char, false);
        assert_eq!(total, 1);
        let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["id"], "a");
        let finding = &lines[0]["findings"][0];
        assert_eq!((finding["start"].as_u64(), finding["end"].as_u64()), (Some(7), Some(22)));
        assert_eq!(finding["kind"], "EMAIL");
        assert_eq!(finding["rule"], "email");
        assert!(finding["confidence"].as_f64().unwrap() > 0.5);
        assert_eq!(lines[1]["id"], 7);
        assert_eq!(lines[1]["findings"], serde_json::json!([]));
    }

    #[test]
    fn jsonl_offsets_can_be_utf16_or_bytes() {
        let input = "{\"id\": 1, \"text\": \"😀 ana@example.org\"}";
        let start = |offsets| {
            let (out, _) = jsonl(input, offsets, false);
            serde_json::from_str::<serde_json::Value>(out.trim()).unwrap()["findings"][0]["start"].as_u64().unwrap()
        };
        assert_eq!((start(Offsets::Char), start(Offsets::Utf16), start(Offsets::Byte)), (2, 3, 5));
    }

    #[test]
    fn names_of_people_are_found_with_the_built_in_gazetteer() {
        let args = ScanArgs {
            paths: vec![],
            redact: false,
            format: Format::Jsonl,
            offsets: Offsets::Char,
            color: Color::Never,
            dictionary: None,
            disabled: vec![],
        };
        let engine = build_engine(&args).unwrap();
        let findings = engine.scan("Dear Ms. Okafor, the lease for Anna Schmidt is attached.");
        let kinds: Vec<&str> = findings.iter().map(|f| f.kind.as_str()).collect();
        assert_eq!(kinds, ["PERSON", "PERSON"]);
    }

    #[test]
    fn jsonl_can_redact() {
        let (out, _) = jsonl("{\"id\": 1, \"text\": \"to ana@example.org\"}", Offsets::Char, true);
        let line: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(line["redacted"], "to [EMAIL_1]");
    }

    #[test]
    fn a_bad_jsonl_line_names_its_number_not_its_content() {
        let mut out = Vec::new();
        let input = "{\"id\": 1, \"text\": \"ok\"}\n{\"id\": 2, \"secret\": \"hunter2hunter2\"}\n";
        let error =
            scan_jsonl(&Engine::new(), input.as_bytes(), &mut out, Offsets::Char, false).unwrap_err().to_string();
        assert!(error.starts_with("line 2:"), "{error}");
        assert!(!error.contains("hunter2"), "{error}");
    }

    #[test]
    fn human_lines_name_path_line_column_kind_and_rule() {
        let text = "first line\n  call +1 415-555-0134 or ana@example.org\n";
        let findings = Engine::new().scan(text);
        let mut out = Vec::new();
        write_human("notes.txt", text, &findings, false, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "notes.txt:2:8 PHONE phone.international\nnotes.txt:2:27 EMAIL email\n"
        );
        let mut coloured = Vec::new();
        write_human("notes.txt", text, &findings, true, &mut coloured).unwrap();
        assert!(String::from_utf8(coloured).unwrap().contains("\x1b[33mPHONE\x1b[0m"));
    }

    #[test]
    fn summary_counts_by_kind() {
        let mut counts = BTreeMap::new();
        assert_eq!(summary(&counts, 2), "no findings in 2 inputs");
        counts.insert("EMAIL", 2);
        counts.insert("PHONE", 1);
        assert_eq!(summary(&counts, 1), "3 findings in 1 input: 2 EMAIL, 1 PHONE");
    }
}
