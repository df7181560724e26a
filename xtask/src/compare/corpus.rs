//! Labelled corpora: JSONL files of `{"id", "text", "spans": [{"start", "end", "label"}]}`, offsets
//! in chars. Several files are pooled into one, with each record renumbered, so every tool reads
//! one file and answers with the record's number as its id.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use serde_json::{json, Value};

use super::score::Span;

/// Records pooled from one or more files.
#[derive(Debug)]
pub struct Corpus {
    /// The files read, in order.
    pub files: Vec<PathBuf>,
    /// The texts, in the order of the files and of their lines.
    pub texts: Vec<String>,
    /// Each text's gold spans.
    pub gold: Vec<Vec<Span>>,
}

impl Corpus {
    /// Reads and checks every file.
    pub fn read(files: &[PathBuf]) -> anyhow::Result<Corpus> {
        let mut corpus = Corpus { files: files.to_vec(), texts: Vec::new(), gold: Vec::new() };
        for file in files {
            let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
            for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                let (text, gold) = record(line).with_context(|| format!("{} line {}", file.display(), n + 1))?;
                corpus.texts.push(text);
                corpus.gold.push(gold);
            }
        }
        Ok(corpus)
    }

    /// The UTF-8 size of every text: the bytes each tool scans.
    pub fn bytes(&self) -> usize {
        self.texts.iter().map(String::len).sum()
    }

    /// Writes the pooled corpus as `{"id": <record number>, "text"}` lines.
    pub fn write_pooled(&self, path: &Path) -> anyhow::Result<()> {
        let mut out = String::new();
        for (id, text) in self.texts.iter().enumerate() {
            out.push_str(&json!({ "id": id, "text": text }).to_string());
            out.push('\n');
        }
        std::fs::write(path, out).with_context(|| format!("cannot write {}", path.display()))
    }
}

/// One record's text and gold spans, checked against the text's length in chars.
fn record(line: &str) -> anyhow::Result<(String, Vec<Span>)> {
    let value: Value = serde_json::from_str(line).context("not JSON")?;
    let text = value["text"].as_str().context("no \"text\" string")?.to_string();
    let chars = text.chars().count();
    let spans = value["spans"].as_array().context("no \"spans\" array")?;
    let gold = spans.iter().map(|s| span(s, chars)).collect::<anyhow::Result<Vec<Span>>>()?;
    Ok((text, gold))
}

/// A span `{"start", "end", "label"}` (or `"kind"`, as `hush-host scan` names it) within `chars`.
pub fn span(value: &Value, chars: usize) -> anyhow::Result<Span> {
    let offset = |key: &str| value[key].as_u64().and_then(|n| usize::try_from(n).ok());
    let (Some(start), Some(end)) = (offset("start"), offset("end")) else {
        bail!("span without numeric start and end: {value}");
    };
    let Some(label) = value["label"].as_str().or_else(|| value["kind"].as_str()) else {
        bail!("span without a label: {value}");
    };
    if start > end || end > chars {
        bail!("span {start}..{end} is not within a text of {chars} chars");
    }
    Ok(Span { start, end, label: label.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_checked() {
        let (text, gold) = record(r#"{"id":"a","text":"mail é@x.io","spans":[{"start":5,"end":11,"label":"EMAIL"}]}"#)
            .expect("a valid record");
        assert_eq!(text, "mail é@x.io");
        assert_eq!(gold, [Span { start: 5, end: 11, label: "EMAIL".into() }]);
        assert!(record(r#"{"id":"a","text":"é","spans":[{"start":0,"end":2,"label":"EMAIL"}]}"#).is_err());
        assert!(record(r#"{"id":"a","text":"x","spans":[{"start":0,"end":1}]}"#).is_err());
    }
}
