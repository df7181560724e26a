//! The compiled engine: every detector, run over a text, overlaps resolved.

use std::collections::HashSet;

use sha2::{Digest, Sha256};

use crate::detectors::{self, Candidate, Detector};
use crate::offsets::OffsetMap;
use crate::{Finding, Span};

/// Every detector compiled once, ready to scan many texts.
#[derive(Debug)]
pub struct Engine {
    detectors: Vec<Box<dyn Detector>>,
    /// Keys ([`Engine::allow_key`]) of values the user always allows.
    allowed: HashSet<String>,
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

impl Engine {
    /// An engine with every built-in detector.
    pub fn new() -> Engine {
        Engine { detectors: detectors::builtin(), allowed: HashSet::new() }
    }

    /// The key under which `value` is allowed: a SHA-256 of the value with surrounding space
    /// trimmed and letters lower-cased, so that the allow list never holds the value itself.
    pub fn allow_key(value: &str) -> String {
        let digest = Sha256::digest(value.trim().to_lowercase().as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Replaces the allow list: findings whose value has one of these keys are not reported.
    pub fn set_allowed_keys<I: IntoIterator<Item = String>>(&mut self, keys: I) {
        self.allowed = keys.into_iter().collect();
    }

    /// Every finding in `text`, in text order, with no two findings overlapping.
    pub fn scan(&self, text: &str) -> Vec<Finding> {
        let mut candidates = Vec::new();
        for detector in &self.detectors {
            detector.detect(text, &mut candidates);
        }
        if !self.allowed.is_empty() {
            candidates.retain(|c| !self.allowed.contains(&Engine::allow_key(&text[c.bytes.start..c.bytes.end])));
        }
        let kept = resolve_overlaps(candidates);
        let mut offsets = OffsetMap::new(text);
        kept.into_iter()
            .map(|c| {
                let (start16, _) = offsets.at(c.bytes.start);
                let (end16, _) = offsets.at(c.bytes.end);
                Finding {
                    kind: c.kind,
                    rule: c.rule.to_string(),
                    label: c.label.into_owned(),
                    bytes: c.bytes,
                    utf16: Span::new(start16, end16),
                    confidence: c.confidence,
                    severity: c.severity,
                }
            })
            .collect()
    }
}

/// Keeps, among overlapping candidates, the most severe, then the most confident, then the
/// longest, then the earliest; the result is in text order and deterministic for any input order.
fn resolve_overlaps(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(b.confidence.total_cmp(&a.confidence))
            .then(b.bytes.len().cmp(&a.bytes.len()))
            .then(a.bytes.start.cmp(&b.bytes.start))
            .then(a.rule.cmp(b.rule))
    });
    let mut kept: Vec<Candidate> = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        if !kept.iter().any(|k| k.bytes.overlaps(&candidate.bytes)) {
            kept.push(candidate);
        }
    }
    kept.sort_by_key(|c| c.bytes.start);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Kind;

    #[test]
    fn reports_utf16_offsets_after_emoji() {
        let text = "😀 mail me: ana@example.org";
        let findings = Engine::new().scan(text);
        assert_eq!(findings.len(), 1);
        let f = &findings[0];
        assert_eq!(f.kind, Kind::Email);
        assert_eq!(&text[f.bytes.start..f.bytes.end], "ana@example.org");
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(String::from_utf16_lossy(&units[f.utf16.start..f.utf16.end]), "ana@example.org");
    }

    #[test]
    fn allowed_values_are_not_reported() {
        let mut engine = Engine::new();
        engine.set_allowed_keys([Engine::allow_key(" Ana@Example.org ")]);
        let kinds: Vec<Kind> = engine.scan("ana@example.org bob@example.org").iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [Kind::Email]);
        assert_eq!(engine.scan("ana@example.org").len(), 0);
    }

    #[test]
    fn findings_come_in_text_order() {
        let findings = Engine::new().scan("AKIAIOSFODNN7EXAMPLE then bob@example.com");
        let kinds: Vec<Kind> = findings.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [Kind::Secret, Kind::Email]);
    }
}
