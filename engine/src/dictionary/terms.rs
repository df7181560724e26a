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

use crate::byte_flags;

/// The compiled terms.
#[derive(Debug)]
pub struct TermAutomaton {
    nfa: NFA,
    /// One bit per pair of bytes: set when some term begins with those two bytes (every term
    /// has at least two). Most word starts in a text begin no term, and this says so at once.
    first_pairs: PairSet,
    /// The pairs of a term's second and third bytes; a term of two bytes allows any third
    /// byte. Together with `first_pairs` this rules out most of the word starts that share
    /// their first two letters with a term ("in", "pr", "ch").
    second_pairs: PairSet,
    /// Some term starts with ASCII punctuation (`.net`, `(acme)`); usually none does, and
    /// then a term starts only on a letter, a digit, `_` or a non-ASCII character.
    punctuation_starts: bool,
}

/// A set of byte pairs, one bit each.
#[derive(Debug)]
struct PairSet(Vec<u64>);

impl PairSet {
    fn new() -> PairSet {
        PairSet(vec![0u64; (1 << 16) / 64])
    }

    fn insert(&mut self, a: u8, b: u8) {
        let pair = usize::from(a) << 8 | usize::from(b);
        self.0[pair / 64] |= 1 << (pair % 64);
    }

    fn contains(&self, a: u8, b: u8) -> bool {
        let pair = usize::from(a) << 8 | usize::from(b);
        self.0[pair / 64] & (1 << (pair % 64)) != 0
    }
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
        let (mut first_pairs, mut second_pairs) = (PairSet::new(), PairSet::new());
        for term in terms {
            match term.as_bytes() {
                [a, b] => {
                    first_pairs.insert(*a, *b);
                    (0..=255).for_each(|c| second_pairs.insert(*b, c));
                }
                [a, b, c, ..] => {
                    first_pairs.insert(*a, *b);
                    second_pairs.insert(*b, *c);
                }
                _ => {}
            }
        }
        let punctuation_starts =
            terms.iter().filter_map(|t| t.as_bytes().first()).any(|&b| b.is_ascii() && !is_ascii_word(b));
        Ok(TermAutomaton { nfa, first_pairs, second_pairs, punctuation_starts })
    }

    /// Calls `found` for every occurrence of every term in the folded text `bytes` that starts
    /// where a term may start (see [`may_start_term`]), in text order. That is a superset of the
    /// starts the caller accepts; the caller checks the boundaries exactly.
    pub fn for_each_match(&self, bytes: &[u8], mut found: impl FnMut(TermMatch)) {
        // Every term has two bytes or more: none starts on the last byte.
        let Some(last) = bytes.len().checked_sub(1) else { return };
        let mut try_at = |at: usize| {
            if self.may_begin_term(bytes, at) {
                self.walk_from(bytes, at, &mut found);
            }
        };
        let mut chunks = bytes[..last].chunks_exact(8);
        let mut offset = 0;
        // Whether the byte before the current word continues an ASCII word, in bit 7.
        let mut carry = 0u64;
        for chunk in &mut chunks {
            let word = byte_flags::load(chunk);
            let ascii_word = byte_flags::ascii_word(word);
            let after_word = (ascii_word << 8) | carry;
            let lead = byte_flags::multibyte_lead(word);
            let mut starts = (!after_word & !byte_flags::continuation(word) | lead) & byte_flags::HIGHS;
            if !self.punctuation_starts {
                starts &= ascii_word | lead;
            }
            while starts != 0 {
                try_at(offset + starts.trailing_zeros() as usize / 8);
                starts &= starts - 1;
            }
            carry = ascii_word >> 56;
            offset += 8;
        }
        let mut previous = offset.checked_sub(1).map(|at| bytes[at]);
        for (k, &b) in chunks.remainder().iter().enumerate() {
            if may_start_term(previous, b, self.punctuation_starts) {
                try_at(offset + k);
            }
            previous = Some(b);
        }
    }

    /// Whether some term may begin at `bytes[at]` (with a byte after it), by its first three
    /// bytes.
    fn may_begin_term(&self, bytes: &[u8], at: usize) -> bool {
        let (a, b) = (bytes[at], bytes[at + 1]);
        self.first_pairs.contains(a, b) && bytes.get(at + 2).is_none_or(|&c| self.second_pairs.contains(b, c))
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

/// Whether a term may start on byte `b`, after byte `previous` (`None` at the start of the
/// text). A term starts on a char, not inside one. After an ASCII letter, digit or `_` only a
/// term that starts with a CJK character (no boundary needed) may start, so the byte must begin
/// a multi-byte char; elsewhere any char may begin a term, or only a letter, digit, `_` or
/// non-ASCII char when no term starts with `punctuation`.
fn may_start_term(previous: Option<u8>, b: u8, punctuation: bool) -> bool {
    let after_word = previous.is_some_and(is_ascii_word);
    let begins = b >= 0xC0 || (!after_word && !(0x80..0xC0).contains(&b));
    begins && (punctuation || !b.is_ascii() || is_ascii_word(b))
}

/// Whether `b` is an ASCII letter, digit or `_`, which continue a word.
fn is_ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(terms: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        let automaton = TermAutomaton::build(&terms).unwrap();
        let mut out = Vec::new();
        automaton.for_each_match(text.as_bytes(), |m| out.push((m.term, m.start, m.end)));
        out
    }

    #[test]
    fn finds_overlapping_terms_from_word_starts_only() {
        assert_eq!(matches(&["acme", "acme corp", "corp"], "acme corp"), [(0, 0, 4), (1, 0, 9), (2, 5, 9)]);
        assert_eq!(matches(&["corp"], "megacorp corp"), [(0, 9, 13)]);
        assert_eq!(matches(&["ab", "abc"], "ab abc abd"), [(0, 0, 2), (0, 3, 5), (1, 3, 6), (0, 7, 9)]);
    }

    #[test]
    fn finds_cjk_terms_inside_cjk_text() {
        assert_eq!(matches(&["阿里"], "和阿里巴巴"), [(0, 3, 9)]);
        assert_eq!(matches(&["阿里"], "abc阿里 and a longer text after it"), [(0, 3, 9)]);
    }

    #[test]
    fn tries_the_same_starts_eight_bytes_at_a_time_as_one_at_a_time() {
        // Every two-byte term present, so that every start tried reports a match.
        let text = "Zoë x_1 (acme) 阿里巴巴, ok-go; 😀 end.";
        let mut terms: Vec<String> = Vec::new();
        for (i, _) in text.char_indices() {
            if let Some(term) = text.get(i..).and_then(|rest| rest.char_indices().nth(2).map(|(e, _)| &rest[..e])) {
                terms.push(term.to_string());
            }
        }
        // With and without the terms that start with punctuation.
        let without: Vec<String> =
            terms.iter().filter(|t| !t.starts_with(|c: char| c.is_ascii_punctuation() || c == ' ')).cloned().collect();
        for (terms, punctuation) in [(terms, true), (without, false)] {
            let automaton = TermAutomaton::build(&terms).unwrap();
            assert_eq!(automaton.punctuation_starts, punctuation);
            for start in 0..text.len() {
                let Some(part) = text.get(start..) else { continue };
                let mut found = Vec::new();
                automaton.for_each_match(part.as_bytes(), |m| found.push(m.start));
                found.dedup();
                let bytes = part.as_bytes();
                let expected: Vec<usize> = (0..bytes.len().saturating_sub(1))
                    .filter(|&at| may_start_term(at.checked_sub(1).map(|p| bytes[p]), bytes[at], punctuation))
                    .filter(|&at| terms.iter().any(|t| part[at..].starts_with(t.as_str())))
                    .collect();
                assert_eq!(found, expected, "from byte {start}");
            }
        }
    }
}
