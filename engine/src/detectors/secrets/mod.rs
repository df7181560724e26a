//! Secrets: provider-specific keys and tokens ([`providers`]), private key blocks and JSON Web
//! Tokens ([`blocks`]), and generic `password = …` / `token: …` assignments whose value looks
//! random enough ([`generic`]).

mod blocks;
mod buckets;
mod generic;
mod literals;
mod providers;

use regex::Regex;

use super::text::ScanText;
use super::{Candidate, Detector, Validation};
use crate::{Kind, Span};

use literals::LiteralSet;
use providers::{looks_random, ProviderRule, PROVIDER_RULES};

/// Finds secrets.
#[derive(Debug)]
pub struct SecretDetector {
    /// Every trigger literal of three bytes or more of every provider rule.
    triggers: LiteralSet,
    /// For each of those triggers, the rule it belongs to.
    trigger_rules: Vec<usize>,
    /// The two-byte triggers (`SK`, `AC`, `Q~`) and the starts of key blocks and tokens, found
    /// in a search of their own: in the search for every trigger the two-byte ones made
    /// candidates of pairs of bytes that are everywhere. None of these literals can overlap
    /// another or itself, so the search finds every occurrence of each.
    start_literals: LiteralSet,
    /// For each of `start_literals`, what it starts.
    start_kinds: Vec<Start>,
    /// Each provider rule's compiled pattern, by rule index.
    patterns: Vec<Option<Regex>>,
    generic: generic::AssignmentFinder,
}

/// What a literal of [`SecretDetector::start_literals`] starts.
#[derive(Debug, Clone, Copy)]
enum Start {
    /// A key of the provider rule with this index.
    Key(usize),
    /// A private key block.
    KeyBlock,
    /// A JSON Web Token.
    Token,
}

/// Where the literals of [`SecretDetector::start_literals`] occur, by what they start, in text order.
#[derive(Debug, Default)]
struct Starts {
    /// (offset, rule index) of each two-byte trigger.
    keys: Vec<(usize, usize)>,
    key_blocks: Vec<usize>,
    tokens: Vec<usize>,
}

impl SecretDetector {
    /// Compiles the detector.
    pub fn new() -> SecretDetector {
        let mut literals = Vec::new();
        let mut trigger_rules = Vec::new();
        let mut starts = vec![blocks::BEGIN, blocks::JWT_START];
        let mut start_kinds = vec![Start::KeyBlock, Start::Token];
        for (index, rule) in PROVIDER_RULES.iter().enumerate() {
            for trigger in rule.triggers {
                if trigger.len() > 2 {
                    literals.push(*trigger);
                    trigger_rules.push(index);
                } else {
                    starts.push(trigger);
                    start_kinds.push(Start::Key(index));
                }
            }
        }
        // The patterns are constants checked by the tests: a rule whose pattern did not compile
        // would simply never match.
        let patterns = PROVIDER_RULES.iter().map(|r| Regex::new(&format!("(?-u){}", r.pattern)).ok()).collect();
        let triggers = LiteralSet::new(&literals);
        SecretDetector {
            triggers,
            trigger_rules,
            start_literals: LiteralSet::new(&starts),
            start_kinds,
            patterns,
            generic: generic::AssignmentFinder::new(),
        }
    }

    /// Where the start literals occur.
    fn find_starts(&self, text: &str) -> Starts {
        let mut starts = Starts::default();
        for hit in self.start_literals.find_iter(text) {
            match self.start_kinds[hit.pattern().as_usize()] {
                Start::Key(index) => starts.keys.push((hit.start(), index)),
                Start::KeyBlock => starts.key_blocks.push(hit.start()),
                Start::Token => starts.tokens.push(hit.start()),
            }
        }
        starts
    }

    /// Where each trigger occurs, as (offset, rule index), in text order; `short_hits` are the
    /// two-byte triggers'.
    fn trigger_hits(&self, text: &str, short_hits: &[(usize, usize)]) -> Vec<(usize, usize)> {
        let hits: Vec<(usize, usize)> = self
            .triggers
            .find_iter(text)
            .map(|hit| (hit.start(), self.trigger_rules[hit.pattern().as_usize()]))
            .collect();
        // One search over every trigger skipped the two-byte hits inside a longer trigger's
        // hit (the `AC` of `ACCA` or of `AKIAC…`); their own search finds them too, but no key
        // starts there: the byte before such a hit is a letter, digit, `_` or `-` of the
        // longer trigger, which no key may follow, and no trigger ends in `Q` or holds a `~`.
        // Both lists are in text order, one hit per offset: merged, they are sorted.
        let mut merged = Vec::with_capacity(hits.len() + short_hits.len());
        let (mut long, mut short) = (hits.into_iter().peekable(), short_hits.iter().copied().peekable());
        while let Some(next) = match (long.peek(), short.peek()) {
            (Some(l), Some(s)) if s < l => short.next(),
            (Some(_), _) => long.next(),
            (None, _) => short.next(),
        } {
            merged.push(next);
        }
        merged
    }

    fn provider_keys(&self, text: &ScanText<'_>, short_hits: &[(usize, usize)], out: &mut Vec<Candidate>) {
        let mut last: Option<(usize, usize)> = None;
        for (at, index) in self.trigger_hits(text.text, short_hits) {
            let rule = &PROVIDER_RULES[index];
            let Some(start) = at.checked_sub(rule.lead) else { continue };
            if last == Some((index, start)) || !is_key_boundary(text.byte_before(start)) {
                continue;
            }
            last = Some((index, start));
            if let Some(span) = self.confirm(index, rule, text, start) {
                out.push(Candidate::builtin(
                    Kind::Secret,
                    rule.id,
                    rule.label,
                    span,
                    rule.confidence,
                    rule.severity,
                    Validation::Format,
                ));
            }
        }
    }

    /// The span of the key of `rule` starting at `start`, if the text there is one.
    fn confirm(&self, index: usize, rule: &ProviderRule, text: &ScanText<'_>, start: usize) -> Option<Span> {
        let pattern = self.patterns[index].as_ref()?;
        let window_end = super::text::floor_char_boundary(text.text, (start + 512).min(text.text.len()));
        let window = text.text.get(start..window_end)?;
        // Finding is cheap; capturing is not, and only a few rules have a group.
        let whole = pattern.find(window)?;
        if !is_key_boundary(text.byte_at(start + whole.end())) {
            return None;
        }
        let (from, to) = if pattern.captures_len() > 1 {
            let secret = pattern.captures(window)?.get(1)?;
            (secret.start(), secret.end())
        } else {
            (whole.start(), whole.end())
        };
        let random_enough = looks_random(&window[from..to]) || rule.id == "secret.huggingface_token";
        random_enough.then(|| Span::new(start + from, start + to))
    }
}

/// Whether `byte` (the one before or after a key) ends it: keys are made of letters, digits,
/// `_` and `-`, so none of those may touch them.
fn is_key_boundary(byte: Option<u8>) -> bool {
    !byte.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

impl Default for SecretDetector {
    fn default() -> Self {
        SecretDetector::new()
    }
}

impl Detector for SecretDetector {
    fn id(&self) -> &'static str {
        "secret"
    }

    fn label(&self) -> &'static str {
        "API keys, tokens and passwords"
    }

    fn detect(&self, text: &ScanText<'_>, out: &mut Vec<Candidate>) {
        let starts = self.find_starts(text.text);
        self.provider_keys(text, &starts.keys, out);
        blocks::private_keys(text, &starts.key_blocks, out);
        blocks::json_web_tokens(text, &starts.tokens, out);
        self.generic.detect(text, out);
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
