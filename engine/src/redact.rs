//! Redaction: findings become placeholders that stay the same for the same value within a
//! conversation ("[EMAIL_1]" is always the same address), so a chatbot's answer still reads well
//! and can be turned back into the real values on the user's screen.

use std::collections::HashMap;

use crate::offsets::OffsetMap;
use crate::{Finding, Kind, Span};

/// One replacement made by [`Conversation::redact`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// The replaced span of the original text, in bytes.
    pub bytes: Span,
    /// The replaced span of the original text, in UTF-16 code units.
    pub utf16: Span,
    /// What replaced it.
    pub placeholder: String,
}

/// A redacted text and the edits that made it from the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redaction {
    /// The text with every chosen finding replaced.
    pub text: String,
    /// The replacements, in text order, with spans into the original text.
    pub edits: Vec<Edit>,
}

/// The placeholder mapping of one conversation.
#[derive(Debug, Default, Clone)]
pub struct Conversation {
    by_value: HashMap<(String, String), String>,
    by_placeholder: HashMap<String, String>,
    counters: HashMap<String, usize>,
}

impl Conversation {
    /// An empty conversation.
    pub fn new() -> Conversation {
        Conversation::default()
    }

    /// Replaces each of `findings` (found in `text`) with its placeholder. Findings that overlap
    /// a placeholder already in the text are skipped, so nothing is ever wrapped twice.
    pub fn redact(&mut self, text: &str, findings: &[Finding]) -> Redaction {
        let existing = placeholder_spans(text);
        let mut chosen: Vec<&Finding> =
            findings.iter().filter(|f| !existing.iter().any(|p| p.overlaps(&f.bytes))).collect();
        chosen.sort_by_key(|f| f.bytes.start);
        chosen.dedup_by(|b, a| a.bytes.overlaps(&b.bytes));

        let mut out = String::with_capacity(text.len());
        let mut edits = Vec::with_capacity(chosen.len());
        let mut offsets = OffsetMap::new(text);
        let mut at = 0;
        for finding in chosen {
            let value = &text[finding.bytes.start..finding.bytes.end];
            let placeholder = self.placeholder_for(finding, value);
            out.push_str(&text[at..finding.bytes.start]);
            out.push_str(&placeholder);
            at = finding.bytes.end;
            let (start16, _) = offsets.at(finding.bytes.start);
            let (end16, _) = offsets.at(finding.bytes.end);
            edits.push(Edit { bytes: finding.bytes, utf16: Span::new(start16, end16), placeholder });
        }
        out.push_str(&text[at..]);
        Redaction { text: out, edits }
    }

    /// `text` with every placeholder of this conversation replaced by its original value;
    /// placeholders this conversation did not make are left as they are.
    pub fn restore(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for span in placeholder_spans(text) {
            if let Some(original) = self.by_placeholder.get(&text[span.start..span.end]) {
                out.push_str(&text[at..span.start]);
                out.push_str(original);
                at = span.end;
            }
        }
        out.push_str(&text[at..]);
        out
    }

    fn placeholder_for(&mut self, finding: &Finding, value: &str) -> String {
        let label = placeholder_label(finding);
        let key = (label.clone(), value.to_string());
        if let Some(existing) = self.by_value.get(&key) {
            return existing.clone();
        }
        let counter = self.counters.entry(label.clone()).or_insert(0);
        *counter += 1;
        let placeholder = format!("[{label}_{counter}]");
        self.by_value.insert(key, placeholder.clone());
        self.by_placeholder.insert(placeholder.clone(), value.to_string());
        placeholder
    }
}

/// The word inside a finding's placeholder: its kind, with client terms as "CLIENT".
fn placeholder_label(finding: &Finding) -> String {
    match finding.kind {
        Kind::ClientTerm => "CLIENT".to_string(),
        kind => kind.as_str().to_string(),
    }
}

/// Spans of everything shaped like a placeholder (`[WORD_12]`) in `text`.
fn placeholder_spans(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while let Some(open) = text[i..].find('[').map(|o| o + i) {
        let mut j = open + 1;
        while j < bytes.len() && (bytes[j].is_ascii_uppercase() || bytes[j] == b'_') {
            j += 1;
        }
        let word_end = j;
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        let shaped = word_end > open + 2 && bytes[word_end - 1] == b'_' && j > word_end && bytes.get(j) == Some(&b']');
        if shaped {
            spans.push(Span::new(open, j + 1));
            i = j + 1;
        } else {
            i = open + 1;
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    #[test]
    fn same_value_same_placeholder_across_prompts() {
        let engine = Engine::new();
        let mut conversation = Conversation::new();
        let first = "mail ana@example.org and bob@example.org";
        let redacted = conversation.redact(first, &engine.scan(first));
        assert_eq!(redacted.text, "mail [EMAIL_1] and [EMAIL_2]");
        let second = "again bob@example.org";
        assert_eq!(conversation.redact(second, &engine.scan(second)).text, "again [EMAIL_2]");
    }

    #[test]
    fn restore_gives_back_the_original() {
        let engine = Engine::new();
        let mut conversation = Conversation::new();
        let text = "😀 write to ana@example.org, key AKIAIOSFODNN7EXAMPLE";
        let redacted = conversation.redact(text, &engine.scan(text));
        assert_eq!(conversation.restore(&redacted.text), text);
        assert_eq!(redacted.edits[0].utf16, Span::new(12, 27));
    }

    #[test]
    fn placeholders_are_never_wrapped_twice() {
        let mut conversation = Conversation::new();
        let text = "see [EMAIL_1] please";
        let finding = Finding {
            kind: Kind::Email,
            rule: "email".into(),
            label: "Email address".into(),
            bytes: Span::new(5, 12),
            utf16: Span::new(5, 12),
            confidence: 1.0,
            severity: crate::Severity::Medium,
        };
        assert_eq!(conversation.redact(text, &[finding]).text, text);
    }

    #[test]
    fn unknown_placeholders_are_left_alone() {
        assert_eq!(Conversation::new().restore("hello [EMAIL_9]"), "hello [EMAIL_9]");
    }
}
