//! The compiled form of a [`Dictionary`]: one automaton over every folded term, and the
//! clients' regular expressions.

use std::borrow::Cow;
use std::collections::HashMap;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

use super::fold::{fold, is_cjk, is_word_char};
use super::terms::TermAutomaton;
use super::{Category, Client, Dictionary, DictionaryError};
use crate::detectors::{Candidate, Validation};
use crate::{Kind, Severity, Span};

/// A client's regular expressions compile to at most this much memory each, so that one bad
/// pattern cannot exhaust the extension's memory.
const PATTERN_SIZE_LIMIT: usize = 1 << 21;

/// Every term of every client, compiled once and matched in one pass over a text.
#[derive(Debug, Default)]
pub struct DictionaryMatcher {
    automaton: Option<TermAutomaton>,
    /// For each pattern of the automaton, whose term it is.
    owners: Vec<TermOwner>,
    clients: Vec<CompiledClient>,
    patterns: Vec<ClientPattern>,
    /// Every client pattern in one set: one pass says which patterns occur at all, and only
    /// those run on their own (most texts match none).
    pattern_set: Option<RegexSet>,
}

#[derive(Debug)]
struct TermOwner {
    client: usize,
    category: Category,
    /// The term starts (ends) with a CJK character, so it needs no word boundary there.
    cjk_start: bool,
    cjk_end: bool,
}

#[derive(Debug)]
struct CompiledClient {
    id: String,
    alias: Option<String>,
    /// The label of a finding in each category, in [`CATEGORIES`] order.
    labels: Vec<String>,
}

#[derive(Debug)]
struct ClientPattern {
    client: usize,
    rule: String,
    label: String,
    regex: Regex,
}

const CATEGORIES: [Category; 6] =
    [Category::Client, Category::Contact, Category::Project, Category::Hostname, Category::Amount, Category::Other];

impl DictionaryMatcher {
    /// Compiles `dictionary`.
    ///
    /// # Errors
    /// A [`DictionaryError`] when a client id is empty or repeated, an alias cannot be a
    /// placeholder, a term is shorter than two characters, or a pattern does not compile.
    pub fn compile(dictionary: &Dictionary) -> Result<DictionaryMatcher, DictionaryError> {
        let mut clients = Vec::with_capacity(dictionary.clients.len());
        let mut folded_terms: Vec<String> = Vec::new();
        let mut owners = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut patterns = Vec::new();
        for (index, client) in dictionary.clients.iter().enumerate() {
            if client.id.trim().is_empty() {
                return Err(DictionaryError::EmptyClientId { index });
            }
            if clients.iter().any(|c: &CompiledClient| c.id == client.id) {
                return Err(DictionaryError::DuplicateClientId { id: client.id.clone() });
            }
            let alias = match &client.alias {
                Some(alias) if !alias.trim().is_empty() => Some(
                    alias_placeholder_word(alias)
                        .ok_or_else(|| DictionaryError::BadAlias { client: client.id.clone() })?,
                ),
                _ => None,
            };
            for (position, term) in client.terms.iter().enumerate() {
                for spelling in std::iter::once(&term.term).chain(&term.aliases) {
                    let folded = fold_term(spelling);
                    if folded.chars().count() < 2 {
                        return Err(DictionaryError::TermTooShort { client: client.id.clone(), term: position });
                    }
                    if seen.contains_key(&folded) {
                        continue;
                    }
                    owners.push(TermOwner {
                        client: index,
                        category: term.category,
                        cjk_start: folded.chars().next().is_some_and(is_cjk),
                        cjk_end: folded.chars().next_back().is_some_and(is_cjk),
                    });
                    seen.insert(folded.clone(), owners.len() - 1);
                    folded_terms.push(folded);
                }
            }
            patterns.extend(compile_patterns(index, client)?);
            clients.push(CompiledClient {
                id: client.id.clone(),
                alias,
                labels: CATEGORIES.iter().map(|&c| label(c, &client.name)).collect(),
            });
        }
        let automaton = if folded_terms.is_empty() {
            None
        } else {
            // Terms are plain strings: only an automaton too large for memory fails to build.
            let built = TermAutomaton::build(&folded_terms);
            Some(built.map_err(|e| DictionaryError::TooLarge { reason: e.to_string() })?)
        };
        // A set too large to compile only costs speed: every pattern then runs on its own.
        let pattern_set = if patterns.len() > 1 {
            RegexSetBuilder::new(patterns.iter().map(|p| p.regex.as_str()))
                .size_limit(PATTERN_SIZE_LIMIT * patterns.len())
                .build()
                .ok()
        } else {
            None
        };
        Ok(DictionaryMatcher { automaton, owners, clients, patterns, pattern_set })
    }

    /// Whether the dictionary holds no term and no pattern.
    pub fn is_empty(&self) -> bool {
        self.automaton.is_none() && self.patterns.is_empty()
    }

    /// Number of distinct folded spellings compiled.
    pub fn term_count(&self) -> usize {
        self.owners.len()
    }

    /// Appends every term and pattern match in `text` to `out`.
    pub fn detect(&self, text: &str, out: &mut Vec<Candidate>) {
        self.for_each_term(text, |index, start, end| {
            let owner = &self.owners[index];
            let client = &self.clients[owner.client];
            out.push(Candidate {
                kind: Kind::ClientTerm,
                rule: Cow::Borrowed(rule(owner.category)),
                label: Cow::Owned(client.labels[owner.category as usize].clone()),
                bytes: Span::new(start, end),
                confidence: 0.9,
                severity: severity(owner.category),
                validation: Validation::Dictionary,
                client: Some(client.id.clone()),
                alias: if owner.category == Category::Client { client.alias.clone() } else { None },
            });
        });
        let occurring = self.pattern_set.as_ref().map(|set| set.matches(text));
        for (index, pattern) in self.patterns.iter().enumerate() {
            if occurring.as_ref().is_some_and(|set| !set.matched(index)) {
                continue;
            }
            for m in pattern.regex.find_iter(text).filter(|m| !m.is_empty()) {
                out.push(Candidate {
                    kind: Kind::Custom,
                    rule: Cow::Owned(pattern.rule.clone()),
                    label: Cow::Owned(pattern.label.clone()),
                    bytes: Span::new(m.start(), m.end()),
                    confidence: 0.9,
                    severity: Severity::High,
                    validation: Validation::Dictionary,
                    client: Some(self.clients[pattern.client].id.clone()),
                    alias: None,
                });
            }
        }
    }

    /// Calls `found` with the term's index and its original byte span for every term that
    /// stands as a word of its own in `text`, in text order.
    fn for_each_term(&self, text: &str, mut found: impl FnMut(usize, usize, usize)) {
        let Some(automaton) = &self.automaton else { return };
        automaton.for_each_match(text, BOUNDARY_CONTEXT, |m, folded| {
            if on_word_boundaries(&folded.bytes, m.start, m.end, &self.owners[m.term]) {
                let (start, end) = folded.original_span(text, m.start, m.end);
                found(m.term, start, end);
            }
        });
    }
}

/// A term as the automaton holds it: folded, trimmed, inner white space collapsed.
fn fold_term(term: &str) -> String {
    fold(term).into_text().split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// How many folded bytes after a match [`on_word_boundaries`] reads at most: a plural `es` and
/// the char after it.
const BOUNDARY_CONTEXT: usize = 2 + 4;

/// Whether the match at folded bytes `start..end` stands as a word of its own. Next to a CJK
/// character no boundary is needed (those scripts have no spaces); a Latin term may be followed
/// by a plural `s`/`es` (a possessive `'s` already ends on a boundary).
fn on_word_boundaries(folded: &[u8], start: usize, end: usize, owner: &TermOwner) -> bool {
    if !owner.cjk_start && char_before(folded, start).is_some_and(is_word_char) {
        return false;
    }
    if owner.cjk_end {
        return true;
    }
    let ends_word = |at: usize| !char_at(folded, at).is_some_and(is_word_char);
    let last_is_letter = char_before(folded, end).is_some_and(char::is_alphabetic);
    let plural = |suffix: &[u8]| folded[end..].starts_with(suffix) && ends_word(end + suffix.len());
    ends_word(end) || (last_is_letter && (plural(b"es") || plural(b"s")))
}

/// The char of the UTF-8 text `bytes` that ends at byte `at`, if any.
fn char_before(bytes: &[u8], at: usize) -> Option<char> {
    let start = (at.saturating_sub(4)..at).rev().find(|&i| bytes[i] & 0xC0 != 0x80)?;
    std::str::from_utf8(&bytes[start..at]).ok()?.chars().next()
}

/// The char of the UTF-8 text `bytes` that starts at byte `at`, if any.
fn char_at(bytes: &[u8], at: usize) -> Option<char> {
    let rest = bytes.get(at..)?;
    let len = rest.iter().skip(1).take(3).take_while(|&&b| b & 0xC0 == 0x80).count() + 1;
    std::str::from_utf8(rest.get(..len)?).ok()?.chars().next()
}

fn compile_patterns(index: usize, client: &Client) -> Result<Vec<ClientPattern>, DictionaryError> {
    let mut compiled: Vec<ClientPattern> = Vec::with_capacity(client.patterns.len());
    for pattern in &client.patterns {
        let rule = format!("custom.{}.{}", client.id, pattern.id);
        if pattern.id.trim().is_empty() || compiled.iter().any(|p| p.rule == rule) {
            return Err(DictionaryError::BadPatternId { client: client.id.clone(), pattern: pattern.id.clone() });
        }
        let regex = RegexBuilder::new(&pattern.regex).size_limit(PATTERN_SIZE_LIMIT).build().map_err(|e| {
            DictionaryError::BadPattern { client: client.id.clone(), pattern: pattern.id.clone(), reason: reason(&e) }
        })?;
        let label = pattern.label.clone().unwrap_or_else(|| format!("{} pattern of {}", pattern.id, client.name));
        compiled.push(ClientPattern { client: index, rule, label, regex });
    }
    Ok(compiled)
}

/// What is wrong with a pattern, without quoting it: regex's messages repeat the pattern, and a
/// pattern may hold a client's name.
fn reason(error: &regex::Error) -> String {
    match error {
        regex::Error::Syntax(message) => {
            message.lines().find_map(|l| l.strip_prefix("error: ")).unwrap_or("syntax error").to_string()
        }
        regex::Error::CompiledTooBig(limit) => format!("it compiles to more than {limit} bytes"),
        _ => "it cannot be compiled".to_string(),
    }
}

/// A client's alias as the word of its placeholder (`Acme corp` → `ACME_CORP`, written
/// `[ACME_CORP]`): ASCII letters and digits upper-cased, anything else an underscore; `None` if
/// it does not start with a letter or is longer than 32, which the dictionary refuses.
pub fn alias_placeholder_word(alias: &str) -> Option<String> {
    let word: String =
        alias.trim().chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_uppercase() } else { '_' }).collect();
    let word = word.trim_matches('_').to_string();
    (word.len() <= 32 && word.starts_with(|c: char| c.is_ascii_alphabetic())).then_some(word)
}

fn rule(category: Category) -> &'static str {
    match category {
        Category::Client => "client_term.client",
        Category::Contact => "client_term.contact",
        Category::Project => "client_term.project",
        Category::Hostname => "client_term.hostname",
        Category::Amount => "client_term.amount",
        Category::Other => "client_term.other",
    }
}

fn label(category: Category, client: &str) -> String {
    match category {
        Category::Client => format!("Client: {client}"),
        Category::Contact => format!("Contact at {client}"),
        Category::Project => format!("Project of {client}"),
        Category::Hostname => format!("Internal host of {client}"),
        Category::Amount => format!("Amount for {client}"),
        Category::Other => format!("Term of {client}"),
    }
}

fn severity(category: Category) -> Severity {
    match category {
        Category::Client | Category::Project | Category::Hostname => Severity::High,
        Category::Contact | Category::Amount | Category::Other => Severity::Medium,
    }
}

#[cfg(test)]
#[path = "matcher_tests.rs"]
mod tests;
