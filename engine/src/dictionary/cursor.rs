//! The folded text read where it is needed, straight from the original.
//!
//! Most word starts of a text begin no term, and the few that may are ruled out after a byte or
//! two of the automaton's walk. So instead of folding the whole text first (a second pass over
//! it, and a copy), the walk reads folded bytes from the original: an ASCII byte folds on its
//! own and a CJK ideograph to itself, so only the other chars are folded, one at a time, through
//! the cache of recent folds. Only around a match, which is rare, is a piece of the folded text
//! written out, for the boundary checks and the way back to original offsets.

use super::fold::{encodes_unified_ideograph, fold_ascii, fold_range, Folded, RecentFolds};
use crate::detectors::ceil_char_boundary;

/// A text and the folded forms of its chars, read from any char on.
#[derive(Debug)]
pub(super) struct FoldCursor<'t> {
    text: &'t str,
    recent: RecentFolds,
    /// The piece of the folded text last written out by [`FoldCursor::window`].
    window: Folded,
}

impl<'t> FoldCursor<'t> {
    /// A cursor over `text`, with no char folded yet.
    pub(super) fn new(text: &'t str) -> FoldCursor<'t> {
        FoldCursor { text, recent: RecentFolds::default(), window: Folded::default() }
    }

    /// The text read.
    pub(super) fn text(&self) -> &'t str {
        self.text
    }

    /// The folded form of the non-ASCII char at byte `at` of the text (a char boundary), and
    /// the char's length.
    pub(super) fn folded_char(&mut self, at: usize) -> (&[u8], usize) {
        let c = self.text[at..].chars().next().unwrap_or_default();
        (self.recent.folded(c), c.len_utf8())
    }

    /// Hands `eat` the folded text's bytes from byte `skip` of the folded form of the char at
    /// byte `at` on (`skip` is 0 unless that char is folded otherwise than byte for byte), one
    /// at a time, until `eat` returns false or the text ends.
    #[inline]
    pub(super) fn feed(&mut self, mut at: usize, mut skip: usize, mut eat: impl FnMut(u8) -> bool) {
        let bytes = self.text.as_bytes();
        while let Some(&b) = bytes.get(at) {
            if b.is_ascii() {
                if !eat(fold_ascii(b)) {
                    return;
                }
                at += 1;
            } else if bytes.get(at + 1).is_some_and(|&second| encodes_unified_ideograph(b, second)) {
                if !bytes[at..at + 3].iter().all(|&b| eat(b)) {
                    return;
                }
                at += 3;
            } else {
                let Some(c) = self.text[at..].chars().next() else { return };
                if !self.recent.folded(c).get(skip..).unwrap_or_default().iter().all(|&b| eat(b)) {
                    return;
                }
                at += c.len_utf8();
            }
            skip = 0;
        }
    }

    /// The folded text around the folded byte `skip` of the char at byte `at`, written out: from
    /// the folded char before it (the text's start at most) to `after` bytes after it (the
    /// text's end at most), and that byte's offset in it.
    pub(super) fn window(&mut self, at: usize, skip: usize, after: usize) -> (&Folded, usize) {
        // Every char folds to one char or more (a test of `fold` checks it), so the folded
        // char before is the last of the char before's folded form.
        let from =
            if skip == 0 { self.text[..at].char_indices().next_back().map_or(at, |(before, _)| before) } else { at };
        self.window.start_at(from);
        fold_range(self.text, from..at, &mut self.recent, &mut self.window);
        let start = self.window.bytes.len() + skip;
        let (wanted, mut to) = (start + after, at);
        while self.window.bytes.len() < wanted && to < self.text.len() {
            let next = ceil_char_boundary(self.text, to + (wanted - self.window.bytes.len()));
            fold_range(self.text, to..next, &mut self.recent, &mut self.window);
            to = next;
        }
        (&self.window, start)
    }
}

/// Whether the char at byte `at` of the UTF-8 text `bytes` (a char boundary) folds byte for
/// byte: ASCII and the CJK ideographs, the chars whose folded bytes are read without folding
/// them.
pub(super) fn folds_byte_for_byte(bytes: &[u8], at: usize) -> bool {
    bytes[at].is_ascii() || bytes.get(at + 1).is_some_and(|&second| encodes_unified_ideograph(bytes[at], second))
}
