//! Every folded term in one automaton, searched only where a term may start.
//!
//! A term matches on word boundaries (or next to CJK text), so it can only start where the
//! folded text does not continue a word. Instead of running the automaton over every byte and
//! throwing most of its matches away, the text is swept once for those starting points and the
//! automaton walks from each of them, anchored, until it can go no further: a walk usually ends
//! after a byte or two, and prose has far fewer word starts than bytes.

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, BuildError, MatchKind};

/// The compiled terms.
#[derive(Debug)]
pub struct TermAutomaton {
    nfa: NFA,
    /// One bit per pair of bytes: set when some term begins with those two bytes (every term
    /// has at least two). Most word starts in a text begin no term, and this says so at once.
    first_pairs: Vec<u64>,
}

/// One occurrence of a term in the folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermMatch {
    /// Index of the term, in the order given to [`TermAutomaton::build`].
    pub term: usize,
    /// Folded byte offset where it starts.
    pub start: usize,
    /// Folded byte offset where it ends.
    pub end: usize,
}

impl TermAutomaton {
    /// Compiles `terms` (already folded).
    ///
    /// # Errors
    /// A [`BuildError`] when the automaton would be too large.
    pub fn build(terms: &[String]) -> Result<TermAutomaton, BuildError> {
        // A contiguous NFA: a tenth of a DFA's memory for ten thousand terms (the engine lives
        // in the extension's background), at a small cost in speed.
        let nfa = NFA::builder().match_kind(MatchKind::Standard).build(terms)?;
        let mut first_pairs = vec![0u64; (1 << 16) / 64];
        for term in terms {
            if let [a, b, ..] = term.as_bytes() {
                let pair = pair(*a, *b);
                first_pairs[pair / 64] |= 1 << (pair % 64);
            }
        }
        Ok(TermAutomaton { nfa, first_pairs })
    }

    /// Calls `found` for every occurrence of every term in `folded` that starts where a term
    /// may start: at the start of the text, after a byte that is not an ASCII letter, digit
    /// or `_`, or on a non-ASCII character (CJK terms need no boundary). That is a superset of
    /// the starts the caller accepts; the caller checks the boundaries exactly.
    pub fn for_each_match(&self, folded: &str, mut found: impl FnMut(TermMatch)) {
        let bytes = folded.as_bytes();
        let mut at = 0;
        while at + 1 < bytes.len() {
            let b = bytes[at];
            if self.begins_some_term(b, bytes[at + 1]) {
                self.walk_from(bytes, at, &mut found);
            }
            at += 1;
            // No term starts inside a word of ASCII letters and digits.
            if is_ascii_word(b) {
                while at < bytes.len() && is_ascii_word(bytes[at]) {
                    at += 1;
                }
            }
        }
    }

    fn begins_some_term(&self, a: u8, b: u8) -> bool {
        let pair = pair(a, b);
        self.first_pairs[pair / 64] & (1 << (pair % 64)) != 0
    }

    /// Every term that starts exactly at `start`.
    fn walk_from(&self, bytes: &[u8], start: usize, found: &mut impl FnMut(TermMatch)) {
        let nfa = &self.nfa;
        let Ok(mut sid) = nfa.start_state(Anchored::Yes) else { return };
        for (end, &b) in bytes.iter().enumerate().skip(start) {
            sid = nfa.next_state(Anchored::Yes, sid, b);
            if nfa.is_dead(sid) {
                return;
            }
            if nfa.is_match(sid) {
                for index in 0..nfa.match_len(sid) {
                    let pattern = nfa.match_pattern(sid, index);
                    // A match state also lists the terms that end here but start later (the
                    // automaton's suffix links): those are found from their own start.
                    if end + 1 - nfa.pattern_len(pattern) == start {
                        found(TermMatch { term: pattern.as_usize(), start, end: end + 1 });
                    }
                }
            }
        }
    }
}

/// Whether `b` is an ASCII letter, digit or `_`, which continue a word.
fn is_ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The index of the byte pair `a b` in [`TermAutomaton::first_pairs`].
fn pair(a: u8, b: u8) -> usize {
    usize::from(a) << 8 | usize::from(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(terms: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        let automaton = TermAutomaton::build(&terms).unwrap();
        let mut out = Vec::new();
        automaton.for_each_match(text, |m| out.push((m.term, m.start, m.end)));
        out
    }

    #[test]
    fn finds_overlapping_terms_from_word_starts_only() {
        assert_eq!(matches(&["acme", "acme corp", "corp"], "acme corp"), [(0, 0, 4), (1, 0, 9), (2, 5, 9)]);
        assert_eq!(matches(&["corp"], "megacorp corp"), [(0, 9, 13)]);
    }

    #[test]
    fn finds_cjk_terms_inside_cjk_text() {
        assert_eq!(matches(&["阿里"], "和阿里巴巴"), [(0, 3, 9)]);
    }
}
