//! Every folded term in one automaton, searched only where a term may start.
//!
//! A term matches on word boundaries (or next to CJK text), so it can only start where the
//! folded text does not continue a word. Instead of running the automaton over every byte and
//! throwing most of its matches away, the text is swept once for those starting points and the
//! automaton walks from each of them, anchored, until it can go no further: a walk usually ends
//! after a byte or two, and prose has far fewer word starts than bytes. The sweep and the walks
//! read the original text, folding it as they go (see the `cursor` module).

use std::sync::OnceLock;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, BuildError, MatchKind};

use super::cursor::{folds_byte_for_byte, FoldCursor};
use super::fold::{encodes_unified_ideograph, fold_ascii, Folded, RecentFolds};
use crate::byte_flags::{self, Lanes};

/// The compiled terms.
#[derive(Debug)]
pub struct TermAutomaton {
    nfa: NFA,
    /// One bit per pair of bytes: set when some term begins with those two bytes (every term
    /// has at least two), tested on the original text's bytes (see
    /// [`PairSet::of_original_bytes`]). Most word starts in a text begin no term, and this
    /// says so at once.
    first_pairs: PairSet,
    /// The same pairs as folded bytes, for the chars that are folded before they are tested.
    folded_first_pairs: PairSet,
    /// The chars of two or three bytes (the code points below U+10000) at whose folded form a
    /// walk may start (see [`TermAutomaton::may_begin`], whatever byte comes after the form),
    /// one bit each, in blocks of 64 code points each found when a text first asks for one
    /// of them (a few blocks cover a language; folding all of them would slow the compile by a
    /// tenth): most such chars in a text (accented letters, CJK punctuation) begin no term, and
    /// this says so before they are folded.
    bmp_starts: Box<[OnceLock<u64>]>,
    /// Whether some folded first pair begins with each byte, whatever byte comes after it.
    begins_pair: [bool; 256],
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

    /// The set of folded pairs as a test of original bytes that lets through every pair the
    /// folded text may have there: a pair of bytes that fold on their own (ASCII, the bytes of
    /// an ideograph) when their folding is in the set; any pair when one of them may begin a
    /// char that folds otherwise (an ASCII byte before a multi-byte char, or a multi-byte char
    /// other than an ideograph), which the walk then reads folded.
    fn of_original_bytes(&self) -> PairSet {
        let mut original = PairSet::new();
        for (a, b) in (0..=255u8).flat_map(|a| (0..=255u8).map(move |b| (a, b))) {
            let folds_otherwise = (a.is_ascii() && b >= 0xC0) || (a >= 0xC0 && !encodes_unified_ideograph(a, b));
            if folds_otherwise || self.contains(fold_ascii(a), fold_ascii(b)) {
                original.insert(a, b);
            }
        }
        original
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
        Ok(TermAutomaton {
            nfa,
            first_pairs: first_pairs.of_original_bytes(),
            begins_pair: std::array::from_fn(|a| (0..=255).any(|b| first_pairs.contains(a as u8, b))),
            folded_first_pairs: first_pairs,
            second_pairs: second_pairs.of_original_bytes(),
            bmp_starts: (0..0x10000 / 64).map(|_| OnceLock::new()).collect(),
            punctuation_starts,
        })
    }

    /// Whether a walk may start at the folded form of the char `code` (below U+10000), see
    /// [`TermAutomaton::bmp_starts`].
    fn bmp_may_start(&self, code: u32) -> bool {
        let block = code / 64;
        let starts = self.bmp_starts[block as usize].get_or_init(|| {
            let mut recent = RecentFolds::default();
            let chars = (0..64).filter_map(|k| char::from_u32(block * 64 + k).map(|c| (k, c)));
            chars.fold(0, |starts, (k, c)| {
                let folded = recent.folded(c);
                let may =
                    (0..folded.len()).any(|i| self.may_begin(folded, i, |first| self.begins_pair[usize::from(first)]));
                starts | u64::from(may) << k
            })
        });
        starts >> (code % 64) & 1 != 0
    }

    /// Whether a walk may start at byte `k` of the folded form `folded` of a char: the byte
    /// begins a char, and a first pair of folded bytes with the byte after it, or, when it ends
    /// the form, `with_next` says it may with the byte after the form.
    #[inline]
    fn may_begin(&self, folded: &[u8], k: usize, with_next: impl Fn(u8) -> bool) -> bool {
        folded[k] & 0xC0 != 0x80
            && match folded.get(k + 1) {
                Some(&second) => self.folded_first_pairs.contains(folded[k], second),
                None => with_next(folded[k]),
            }
    }

    /// Calls `found` for every occurrence of every term in the folding of `text` that starts
    /// where a term may start (see [`may_start_term`]), in folded text order, with a piece of
    /// the folded text written out around it (the match's offsets are the piece's): from the
    /// folded char before the match to `after` bytes after it, or to the text's ends. A few
    /// occurrences that start elsewhere may be reported too; the caller checks the boundaries
    /// exactly.
    pub fn for_each_match(&self, text: &str, after: usize, mut found: impl FnMut(TermMatch, &Folded)) {
        let bytes = text.as_bytes();
        let mut cursor = FoldCursor::new(text);
        // The terms (and their lengths) found by one walk.
        let mut matches = Vec::new();
        // The word starts of the original text hold those of the folded text: ASCII keeps
        // whether it continues a word when folded, ideographs fold to themselves, and after
        // any other char the original has a start.
        sweep_starts(bytes, self.punctuation_starts, |at| {
            // Kept this small, so that it stays in the sweep's loop: most starts end here.
            if self.first_pairs.contains(bytes[at], bytes[at + 1]) {
                self.try_start(&mut cursor, at, after, &mut matches, &mut found);
            }
        });
    }

    /// Walks from the word start at byte `at` of the original text if its first three
    /// folded bytes may begin a term (see [`TermAutomaton::for_each_match`]).
    #[inline(never)]
    fn try_start(
        &self,
        cursor: &mut FoldCursor,
        at: usize,
        after: usize,
        matches: &mut Vec<(usize, usize)>,
        found: &mut impl FnMut(TermMatch, &Folded),
    ) {
        let mut walk = |cursor: &mut FoldCursor, skip: usize| {
            self.walk_from(cursor, at, skip, matches);
            for (term, len) in matches.drain(..) {
                let (window, start) = cursor.window(at, skip, len + after);
                found(TermMatch { term, start, end: start + len }, window);
            }
        };
        let bytes = cursor.text().as_bytes();
        // Bytes that fold on their own take the pair sets' test as they are (see
        // `PairSet::of_original_bytes`); a char that does not fold byte for byte is folded.
        if folds_byte_for_byte(bytes, at) {
            if bytes.get(at + 2).is_none_or(|&c| self.second_pairs.contains(bytes[at + 1], c)) {
                walk(cursor, 0);
            }
            return;
        }
        // A char of two or three bytes (below U+10000) is ruled out by its code point.
        let code = cursor.text()[at..].chars().next().map_or(0, u32::from);
        if code < 0x10000 && !self.bmp_may_start(code) {
            return;
        }
        // The walk starts only at the chars of its folded form whose first two folded bytes
        // (the second may be the next char's) are a first pair, or may be.
        let (folded, len) = cursor.folded_char(at);
        let next = at + len;
        let next_folds_alone = next == bytes.len() || folds_byte_for_byte(bytes, next);
        let with_next = |first: u8| {
            !next_folds_alone
                || bytes.get(next).is_some_and(|&b| self.folded_first_pairs.contains(first, fold_ascii(b)))
        };
        let may_begin = |folded: &[u8], k: usize| self.may_begin(folded, k, with_next);
        let mut from = (0..folded.len()).find(|&k| may_begin(folded, k));
        while let Some(skip) = from {
            walk(cursor, skip);
            let (folded, _) = cursor.folded_char(at);
            from = (skip + 1..folded.len()).find(|&k| may_begin(folded, k));
        }
    }

    /// Every term (and its length) that the folded text has from folded byte `skip` of the
    /// char at byte `at` of the original on, into `matches`.
    fn walk_from(&self, cursor: &mut FoldCursor, at: usize, skip: usize, matches: &mut Vec<(usize, usize)>) {
        let Ok(mut sid) = self.nfa.start_state(Anchored::Yes) else { return };
        let mut len = 0;
        cursor.feed(at, skip, |b| self.step(&mut sid, &mut len, b, matches));
    }

    /// Takes a walk that has read `len` bytes to state `sid` one byte `b` further, with every
    /// term it has then read whole into `matches`; false when no term goes on with `b`.
    #[inline]
    fn step(&self, sid: &mut StateID, len: &mut usize, b: u8, matches: &mut Vec<(usize, usize)>) -> bool {
        let nfa = &self.nfa;
        *sid = nfa.next_state(Anchored::Yes, *sid, b);
        if nfa.is_dead(*sid) {
            return false;
        }
        *len += 1;
        if nfa.is_match(*sid) {
            for index in 0..nfa.match_len(*sid) {
                let pattern = nfa.match_pattern(*sid, index);
                // A match state also lists the terms that end here but start later (the
                // automaton's suffix links): those are found from their own start.
                if nfa.pattern_len(pattern) == *len {
                    matches.push((pattern.as_usize(), *len));
                }
            }
        }
        true
    }

    /// Every term (index, start, end) that starts where a term may start in the folded text
    /// `folded`, found by walking the folded text itself: what [`TermAutomaton::for_each_match`]
    /// must agree with.
    #[cfg(test)]
    pub(super) fn matches_in_folded(&self, folded: &[u8]) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for start in 0..folded.len() {
            if !may_start_term(start.checked_sub(1).map(|p| folded[p]), folded[start], self.punctuation_starts) {
                continue;
            }
            let Ok(mut sid) = self.nfa.start_state(Anchored::Yes) else { continue };
            let (mut len, mut matches) = (0, Vec::new());
            for &b in &folded[start..] {
                if !self.step(&mut sid, &mut len, b, &mut matches) {
                    break;
                }
            }
            out.extend(matches.into_iter().map(|(term, len)| (term, start, start + len)));
        }
        out
    }
}

/// Calls `start` for every byte of `bytes` but the last where a term may start (see
/// [`may_start_term`]), in order. The bytes are classed sixteen at a time in vector registers
/// and the starts of 64 bytes gathered into one mask: a word starts every six bytes or so, and
/// the fewer masks, the fewer times the loop over a mask's starts ends at a branch no predictor
/// can guess.
fn sweep_starts(bytes: &[u8], punctuation: bool, mut start: impl FnMut(usize)) {
    // Every term has two bytes or more: none starts on the last byte.
    let Some(last) = bytes.len().checked_sub(1) else { return };
    let mut chunks = bytes[..last].chunks_exact(64);
    let mut offset = 0;
    // Whether the byte before the current chunk continues an ASCII word, in bit 0.
    let mut carry = 0u64;
    for chunk in &mut chunks {
        let (mut word, mut high, mut lead) = (0, 0, 0);
        for (k, sixteen) in chunk.chunks_exact(16).enumerate() {
            let (w, h, l) = classes(sixteen);
            word |= w << (16 * k);
            high |= h << (16 * k);
            lead |= l << (16 * k);
        }
        let mut starts = !(word << 1 | carry) & !high | lead;
        if !punctuation {
            starts &= word | lead;
        }
        while starts != 0 {
            start(offset + starts.trailing_zeros() as usize);
            starts &= starts - 1;
        }
        carry = word >> 63;
        offset += 64;
    }
    let mut previous = offset.checked_sub(1).map(|at| bytes[at]);
    for (k, &b) in chunks.remainder().iter().enumerate() {
        if may_start_term(previous, b, punctuation) {
            start(offset + k);
        }
        previous = Some(b);
    }
}

/// The bytes of `sixteen` (exactly sixteen) that continue an ASCII word (letters, digits and
/// `_`), those that are not ASCII, and those that lead a char of several bytes, as bits `0..16`.
fn classes(sixteen: &[u8]) -> (u64, u64, u64) {
    let lanes = Lanes::new(sixteen.try_into().unwrap_or_default());
    let word = byte_flags::lanes_ascii_letters(lanes)
        | byte_flags::lanes_in_range(lanes, b'0', b'9')
        | byte_flags::lanes_equal(lanes, b'_');
    // Bit 7 of a byte says it is not ASCII, bit 6 then that it leads a char.
    let high = lanes.to_bitmask();
    (u64::from(word.to_bitmask()), u64::from(high), u64::from(high & (lanes + lanes).to_bitmask()))
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

    /// Every match (term, original span) of `terms` in `text`.
    fn matches(terms: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        let automaton = TermAutomaton::build(&terms).unwrap();
        let mut out = Vec::new();
        automaton.for_each_match(text, 0, |m, folded| {
            let (start, end) = folded.original_span(text, m.start, m.end);
            out.push((m.term, start, end));
        });
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
    fn reads_the_text_folded() {
        assert_eq!(matches(&["acme"], "ＡＣＭＥ, Acme"), [(0, 0, 12), (0, 14, 18)]);
        // Inside the folded form of a char: `½` folds to `1⁄2`.
        assert_eq!(matches(&["⁄2"], "a½"), [(0, 1, 3)]);
        assert_eq!(matches(&["strasse"], "Straße"), [(0, 0, 7)]);
    }

    #[test]
    fn rules_out_only_the_chars_whose_folded_form_begins_no_term() {
        let terms: Vec<String> = ["ete", "€10", ",x", "ss", "⁄2", "株式", "ａｂ", "st"].map(String::from).into();
        let automaton = TermAutomaton::build(&terms).unwrap();
        let mut recent = RecentFolds::default();
        for c in ('\u{80}'..'\u{3400}').chain('\u{A000}'..='\u{FFFF}') {
            let folded = recent.folded(c);
            // Some term begins with the folded form's char at `k` and the byte after it, if any.
            let begins_term = (0..folded.len()).filter(|&k| folded[k] & 0xC0 != 0x80).any(|k| {
                let head = &folded[k..folded.len().min(k + 2)];
                terms.iter().any(|t| t.as_bytes().starts_with(head))
            });
            assert_eq!(automaton.bmp_may_start(u32::from(c)), begins_term, "{c:?}");
        }
    }

    /// The starts `sweep_starts` finds in `bytes`, and those `may_start_term` says one at a time.
    fn swept_and_expected(bytes: &[u8], punctuation: bool) -> (Vec<usize>, Vec<usize>) {
        let mut swept = Vec::new();
        sweep_starts(bytes, punctuation, |at| swept.push(at));
        let expected = (0..bytes.len().saturating_sub(1))
            .filter(|&at| may_start_term(at.checked_sub(1).map(|p| bytes[p]), bytes[at], punctuation))
            .collect();
        (swept, expected)
    }

    #[test]
    fn sweeps_the_same_starts_64_bytes_at_a_time_as_one_at_a_time() {
        // Long enough for two 64-byte chunks from the first starts, and a carry between them.
        let text = "Zoë x_1 (acme) 阿里巴巴, ok-go; 😀 end. ＡＣＭＥ".repeat(3);
        for punctuation in [true, false] {
            for start in 0..text.len() {
                let (swept, expected) = swept_and_expected(&text.as_bytes()[start..], punctuation);
                assert_eq!(swept, expected, "from byte {start}");
            }
        }
    }

    #[test]
    fn sweeps_every_byte_after_every_byte_as_one_at_a_time() {
        for punctuation in [true, false] {
            for before in 0..=255u8 {
                // Each byte after `before`, at odd offsets and then at even ones.
                let pairs: Vec<u8> = (0..=255u8).flat_map(|b| [before, b]).collect();
                for bytes in [&pairs[..], &pairs[1..]] {
                    let (swept, expected) = swept_and_expected(bytes, punctuation);
                    assert_eq!(swept, expected, "after {before}");
                }
            }
        }
    }
}
