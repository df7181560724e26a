//! Exports for a client: CSV for spreadsheets ([`csv`]), JSON that carries the hash chain so the
//! client can check it ([`json`]), and a self-contained HTML report ([`html`]).

pub mod csv;
pub mod html;
pub mod json;

use std::collections::BTreeMap;

use crate::protocol::{AuditFinding, ExportFormat};

/// A finished export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    /// A file name to save it under.
    pub file_name: String,
    /// Its media type.
    pub media_type: &'static str,
    /// The text.
    pub content: String,
}

/// The period an export covers; `None` is open-ended. Canonical UTC times.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Period {
    /// From.
    pub from: Option<String>,
    /// To.
    pub to: Option<String>,
}

impl Period {
    /// The period in words: "2025-03-01 to 2025-03-31", "until 2025-03-31", "all time".
    pub fn describe(&self) -> String {
        let day = |t: &String| t.get(..10).unwrap_or(t).to_string();
        match (&self.from, &self.to) {
            (Some(from), Some(to)) => format!("{} to {}", day(from), day(to)),
            (Some(from), None) => format!("from {}", day(from)),
            (None, Some(to)) => format!("until {}", day(to)),
            (None, None) => "all time".to_string(),
        }
    }
}

/// The media type of a format.
pub fn media_type(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Csv => "text/csv",
        ExportFormat::Json => "application/json",
        ExportFormat::Html => "text/html",
    }
}

/// A file name for an export: `hush-audit-<client>-<period>.<ext>`, in safe characters only.
pub fn file_name(client_name: &str, period: &Period, format: ExportFormat) -> String {
    let mut slug = String::new();
    for c in client_name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    let slug = if slug.is_empty() { "client" } else { slug };
    let day = |t: &Option<String>| t.as_ref().and_then(|t| t.get(..10)).map(str::to_string);
    let period = match (day(&period.from), day(&period.to)) {
        (None, None) => String::new(),
        (from, to) => format!("-{}-to-{}", from.unwrap_or_else(|| "start".into()), to.unwrap_or_else(|| "now".into())),
    };
    let extension = match format {
        ExportFormat::Csv => "csv",
        ExportFormat::Json => "json",
        ExportFormat::Html => "html",
    };
    format!("hush-audit-{slug}{period}.{extension}")
}

/// How many findings of each kind, by kind.
pub fn kind_counts(findings: &[AuditFinding]) -> BTreeMap<&str, usize> {
    let mut counts = BTreeMap::new();
    for finding in findings {
        *counts.entry(finding.kind.as_str()).or_insert(0) += 1;
    }
    counts
}

/// `EMAIL ×2, SECRET ×1`.
pub fn kinds_label(findings: &[AuditFinding]) -> String {
    kind_counts(findings).iter().map(|(kind, n)| format!("{kind} ×{n}")).collect::<Vec<_>>().join(", ")
}

/// The distinct rule ids, sorted.
pub fn rule_ids(findings: &[AuditFinding]) -> Vec<&str> {
    let mut ids: Vec<&str> = findings.iter().map(|f| f.rule_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe() {
        let period = Period { from: Some("2025-03-01T00:00:00.000Z".into()), to: None };
        assert_eq!(
            file_name("Acme / Ünïcode & Co.", &period, ExportFormat::Html),
            "hush-audit-acme-n-code-co-2025-03-01-to-now.html"
        );
        assert_eq!(file_name("../..", &Period::default(), ExportFormat::Csv), "hush-audit-client.csv");
    }

    #[test]
    fn kinds_are_counted() {
        let finding = |kind: &str| AuditFinding { kind: kind.into(), rule_id: "r".into(), fingerprint: None };
        assert_eq!(kinds_label(&[finding("SECRET"), finding("EMAIL"), finding("EMAIL")]), "EMAIL ×2, SECRET ×1");
    }
}
