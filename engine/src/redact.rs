//! Redaction: findings become placeholders that stay the same for the same value within a
//! conversation ("[EMAIL_1]" is always the same address), so a chatbot's answer still reads well
//! and can be turned back into the real values on the user's screen.
//!
//! "The same value" means the same text: restoring must give back exactly what was written, so
//! `Acme` and `ACME` get placeholders of their own. A client with an alias is written as its
//! alias (`[CLIENT_A]`, then `[CLIENT_A_2]` for another spelling).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::dictionary::Category;
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

/// A piece of a text rewritten by [`Conversation::restore_pieces`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestoredPiece<'a> {
    /// Text as written (placeholders the conversation did not make included).
    Written(&'a str),
    /// The original value that stood in the text as `placeholder`.
    Value {
        /// The original value.
        value: &'a str,
        /// The placeholder it replaces (`[EMAIL_1]`).
        placeholder: &'a str,
    },
}

impl<'a> RestoredPiece<'a> {
    /// The piece's text in the restored text.
    pub fn text(&self) -> &'a str {
        match self {
            RestoredPiece::Written(text) | RestoredPiece::Value { value: text, .. } => text,
        }
    }
}

/// The placeholder mapping of one conversation. It serializes (with serde) so that a caller can
/// keep it across restarts: the extension's background may be stopped between the redaction and
/// the answer it restores.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Conversation {
    /// Identity of a value (placeholder word + canonical value) to its placeholder.
    by_identity: HashMap<String, String>,
    /// Placeholder to the value it first stood for.
    originals: HashMap<String, String>,
    /// Last number used for each placeholder word.
    counters: HashMap<String, usize>,
}

impl Conversation {
    /// An empty conversation.
    pub fn new() -> Conversation {
        Conversation::default()
    }

    /// Number of placeholders made so far.
    pub fn len(&self) -> usize {
        self.originals.len()
    }

    /// Whether no placeholder was made yet.
    pub fn is_empty(&self) -> bool {
        self.originals.is_empty()
    }

    /// Replaces each of `findings` (found in `text`) with its placeholder. Findings that overlap
    /// a placeholder already in the text, or an earlier finding, are skipped, so nothing is ever
    /// wrapped twice.
    pub fn redact(&mut self, text: &str, findings: &[Finding]) -> Redaction {
        let existing = self.placeholder_spans(text);
        // A placeholder written in the text already (by the user, or from another conversation)
        // must not be handed out again, or restoring would turn it into a value.
        let taken: Vec<&str> = bracketed_words(text).iter().map(|s| &text[s.start..s.end]).collect();
        let mut chosen: Vec<&Finding> = findings
            .iter()
            .filter(|f| {
                !f.bytes.is_empty()
                    && text.is_char_boundary(f.bytes.start)
                    && text.is_char_boundary(f.bytes.end)
                    && f.bytes.end <= text.len()
                    && !existing.iter().any(|p| p.overlaps(&f.bytes))
            })
            .collect();
        chosen.sort_by_key(|f| (f.bytes.start, std::cmp::Reverse(f.bytes.end)));
        chosen.dedup_by(|b, a| a.bytes.overlaps(&b.bytes));

        let mut out = String::with_capacity(text.len());
        let mut edits = Vec::with_capacity(chosen.len());
        let mut offsets = OffsetMap::new(text);
        let mut at = 0;
        for finding in chosen {
            let value = &text[finding.bytes.start..finding.bytes.end];
            let placeholder = self.placeholder_for(finding, value, &taken);
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
        self.restore_pieces(text).iter().map(RestoredPiece::text).collect()
    }

    /// `text` cut into pieces as [`Conversation::restore`] rewrites it: text as written, and the
    /// original value of each placeholder this conversation made (naming the placeholder), so
    /// that a view can show which words were restored. Joined, the pieces are the restored text.
    pub fn restore_pieces<'a>(&'a self, text: &'a str) -> Vec<RestoredPiece<'a>> {
        let mut pieces = Vec::new();
        let mut at = 0;
        for span in bracketed_words(text) {
            let placeholder = &text[span.start..span.end];
            if let Some(value) = self.originals.get(placeholder) {
                if span.start > at {
                    pieces.push(RestoredPiece::Written(&text[at..span.start]));
                }
                pieces.push(RestoredPiece::Value { value, placeholder });
                at = span.end;
            }
        }
        if at < text.len() {
            pieces.push(RestoredPiece::Written(&text[at..]));
        }
        pieces
    }

    /// Spans of the placeholders already in `text`: anything shaped like a generated one
    /// (`[WORD_12]`) and any placeholder this conversation made (aliases included).
    fn placeholder_spans(&self, text: &str) -> Vec<Span> {
        bracketed_words(text)
            .into_iter()
            .filter(|s| {
                let inner = &text[s.start + 1..s.end - 1];
                let numbered = inner
                    .rsplit_once('_')
                    .is_some_and(|(w, n)| !w.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
                numbered || self.originals.contains_key(&text[s.start..s.end])
            })
            .collect()
    }

    fn placeholder_for(&mut self, finding: &Finding, value: &str, taken: &[&str]) -> String {
        let word = placeholder_word(finding);
        let identity = format!("{word}\u{0}{value}");
        if let Some(existing) = self.by_identity.get(&identity) {
            return existing.clone();
        }
        let free = |p: &str, originals: &HashMap<String, String>| !originals.contains_key(p) && !taken.contains(&p);
        let mut placeholder = format!("[{word}]");
        if finding.alias.is_none() || !free(&placeholder, &self.originals) {
            let counter = self.counters.entry(word.clone()).or_insert(0);
            loop {
                *counter += 1;
                placeholder = format!("[{word}_{counter}]");
                if free(&placeholder, &self.originals) {
                    break;
                }
            }
        }
        self.by_identity.insert(identity, placeholder.clone());
        self.originals.insert(placeholder.clone(), value.to_string());
        placeholder
    }
}

/// The word inside a finding's placeholder: the client's alias, the dictionary category, or the
/// kind.
fn placeholder_word(finding: &Finding) -> String {
    if let Some(alias) = &finding.alias {
        return alias.clone();
    }
    match finding.kind {
        Kind::ClientTerm => dictionary_category(finding).unwrap_or(Category::Other).placeholder_word().to_string(),
        kind => kind.as_str().to_string(),
    }
}

fn dictionary_category(finding: &Finding) -> Option<Category> {
    finding.rule.strip_prefix("client_term.").and_then(Category::from_name)
}

/// Spans of everything shaped like a placeholder, `[` + an upper-case ASCII word + `]`.
fn bracketed_words(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while let Some(open) = text[i..].find('[').map(|o| o + i) {
        let mut j = open + 1;
        if bytes.get(j).is_some_and(u8::is_ascii_uppercase) {
            while j < bytes.len() && (bytes[j].is_ascii_uppercase() || bytes[j].is_ascii_digit() || bytes[j] == b'_') {
                j += 1;
            }
        }
        if j > open + 1 && bytes.get(j) == Some(&b']') {
            spans.push(Span::new(open, j + 1));
            i = j + 1;
        } else {
            i = open + 1;
        }
    }
    spans
}

#[cfg(test)]
#[path = "redact_tests.rs"]
mod tests;
