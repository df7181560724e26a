//! The scanned text with the cheap analyses that several detectors share, done once per scan.
//!
//! Most structured data (card numbers, phone numbers, national ids, IP addresses, dates,
//! amounts) is made of runs of ASCII digits. Instead of one regular expression per detector
//! sweeping the whole text, the text is swept once for digit groups, and each numeric detector
//! looks only at the groups and their immediate surroundings. That keeps a scan linear in the
//! text with a small constant, whatever the number of numeric detectors.

use aho_corasick::{AhoCorasick, Input};

use crate::byte_flags::{self, Lanes};
use crate::Span;

/// One maximal run of ASCII digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    /// Byte span of the digits.
    pub span: Span,
}

impl Group {
    /// Number of digits.
    pub fn len(&self) -> usize {
        self.span.len()
    }

    /// Whether the group is empty (never, for groups from [`ScanText`]).
    pub fn is_empty(&self) -> bool {
        self.span.is_empty()
    }
}

/// What the numeric detectors' first tests read of a digit group and its surroundings,
/// recorded once per scan (see [`ScanText::for_each_candidate`]): most groups are ruled out
/// on these alone, without reading the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupShape {
    /// Its digits (255 for 255 or more).
    pub len: u8,
    /// The next group's digits, like `len` (0 for the last group).
    pub next_len: u8,
    /// The byte before it (0 at the start of the text).
    pub before: u8,
    /// The byte right after it (0 at the end of the text).
    pub after: u8,
    /// The bytes between it and the next group (255 for 255 or more, or for the last group).
    pub gap: u8,
    /// The bytes between the previous group and it, like `gap` (255 for the first group):
    /// 1 when the byte before `before` is a digit.
    pub gap_before: u8,
    /// [`ScanText::run_digits`] of the group.
    pub run: u8,
}

/// A text being scanned, with its digit groups.
#[derive(Debug)]
pub struct ScanText<'t> {
    /// The text.
    pub text: &'t str,
    /// Its bytes.
    pub bytes: &'t [u8],
    groups: Vec<Group>,
    /// For each group, the digits in it and in the groups that follow it closely (at most
    /// three bytes apart; 255 for 255 or more): a number shorter than a detector's shortest
    /// cannot start there.
    run_digits: Vec<u8>,
    /// The other fields of each group's [`GroupShape`], one array each, so that a detector's
    /// test over many groups at once is vector code. `lens` ends with an extra 0, the next
    /// length of the last group; `gaps` starts with an extra 255, the gap before the first
    /// group (group `i`'s gap is `gaps[i + 1]`).
    lens: Vec<u8>,
    befores: Vec<u8>,
    afters: Vec<u8>,
    gaps: Vec<u8>,
}

impl<'t> ScanText<'t> {
    /// Analyses `text`.
    pub fn new(text: &'t str) -> ScanText<'t> {
        let bytes = text.as_bytes();
        let groups = digit_groups(bytes);
        let count = groups.len();
        let (mut run_digits, mut lens) = (vec![0u8; count], vec![0u8; count + 1]);
        let (mut befores, mut afters, mut gaps) = (vec![0u8; count], vec![0u8; count], vec![u8::MAX; count + 1]);
        let narrow = |n: usize| u8::try_from(n.min(255)).unwrap_or(u8::MAX);
        // From the last group back, each adds its digits to the next group's run when close
        // (no branch: a far next group's run is masked out).
        let mut next = (usize::MAX, 0u8);
        let fields = run_digits.iter_mut().zip(&mut lens).zip(&mut befores).zip(&mut afters).zip(&mut gaps[1..]);
        for (group, ((((run, len), before), after), gap)) in groups.iter().zip(fields).rev() {
            let between = next.0.wrapping_sub(group.span.end);
            let close = u8::from(between <= 3);
            *len = narrow(group.len());
            *run = len.saturating_add(next.1 & close.wrapping_neg());
            next = (group.span.start, *run);
            *before = bytes.get(group.span.start.wrapping_sub(1)).copied().unwrap_or(0);
            *after = bytes.get(group.span.end).copied().unwrap_or(0);
            *gap = narrow(between);
        }
        ScanText { text, bytes, groups, run_digits, lens, befores, afters, gaps }
    }

    /// Calls `visit` with each group `i` whose [`GroupShape`] passes `test`, in text order,
    /// skipping those before the group `visit` returns (the first one it did not use). `test`
    /// runs over 64 groups at a time, in a loop the compiler turns into vector code when it
    /// has no branch (write it with `&`, `|`, not `&&`, `||`), so it must be a cheap test that
    /// every group `visit` would act on passes.
    #[inline(always)]
    pub fn for_each_candidate(&self, test: impl Fn(GroupShape) -> bool, visit: impl FnMut(usize) -> usize) {
        self.for_each_candidate_run(1, test, visit);
    }

    /// Like [`ScanText::for_each_candidate`], but visits group `i` only when `test` passes on
    /// the `run` groups from `i` on (`run` from 1 to 63): for a number whose first groups all
    /// have one shape (the first three octets of an IPv4 address).
    #[inline(always)]
    pub fn for_each_candidate_run(
        &self,
        run: u32,
        test: impl Fn(GroupShape) -> bool,
        mut visit: impl FnMut(usize) -> usize,
    ) {
        let blocks = self.groups.len().div_ceil(byte_flags::BLOCK);
        let mut resume = 0;
        // Each block's flags are combined with the next block's, so the loop computes the
        // flags one block ahead (in one place: a second call of `test` would not be inlined).
        let mut flags = 0;
        for ahead in 0..=blocks {
            let next = if ahead < blocks { self.block_flags(ahead, &test) } else { 0 };
            let mut mask = flags;
            for k in 1..run {
                mask &= flags >> k | next << (byte_flags::BLOCK as u32 - k);
            }
            flags = next;
            let base = ahead.wrapping_sub(1).wrapping_mul(byte_flags::BLOCK);
            while mask != 0 {
                let i = base + mask.trailing_zeros() as usize;
                mask &= mask - 1;
                if i >= resume {
                    resume = visit(i);
                }
            }
        }
    }

    /// The groups of block `block` (64 groups from `64 * block`) whose shape passes `test`,
    /// group `64 * block + k` in bit `k`.
    #[inline(always)]
    fn block_flags(&self, block: usize, test: &impl Fn(GroupShape) -> bool) -> u64 {
        let base = block * byte_flags::BLOCK;
        let end = self.groups.len().min(base + byte_flags::BLOCK);
        let mut flags = [0u8; byte_flags::BLOCK];
        let shapes = self.run_digits[base..end]
            .iter()
            .zip(&self.lens[base..end])
            .zip(&self.lens[base + 1..=end])
            .zip(&self.befores[base..end])
            .zip(&self.afters[base..end])
            .zip(&self.gaps[base + 1..=end])
            .zip(&self.gaps[base..end]);
        for (flag, ((((((&run, &len), &next_len), &before), &after), &gap), &gap_before)) in
            flags.iter_mut().zip(shapes)
        {
            *flag = u8::from(test(GroupShape { len, next_len, before, after, gap, gap_before, run }));
        }
        byte_flags::gather(&flags)
    }

    /// The digits in group `i` and the groups right after it, 255 for 255 or more (see
    /// [`ScanText::new`]).
    pub fn run_digits(&self, i: usize) -> usize {
        usize::from(self.run_digits[i])
    }

    /// Every maximal run of ASCII digits, in text order.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// The byte before offset `at`, if any.
    pub fn byte_before(&self, at: usize) -> Option<u8> {
        at.checked_sub(1).map(|i| self.bytes[i])
    }

    /// The byte at offset `at`, if any.
    pub fn byte_at(&self, at: usize) -> Option<u8> {
        self.bytes.get(at).copied()
    }

    /// The text between two offsets.
    pub fn slice(&self, start: usize, end: usize) -> &'t str {
        &self.text[start..end]
    }

    /// The digits of the groups `first..=last`, concatenated.
    pub fn digits(&self, groups: &[Group]) -> String {
        let mut out = String::with_capacity(groups.iter().map(Group::len).sum());
        for g in groups {
            out.push_str(&self.text[g.span.start..g.span.end]);
        }
        out
    }

    /// The separator text between group `i` and group `i + 1`.
    #[inline]
    pub fn gap(&self, i: usize) -> &'t str {
        &self.text[self.groups[i].span.end..self.groups[i + 1].span.start]
    }

    /// Whether the span stands alone: no letter, digit or underscore touches it on either side
    /// (any Unicode letter counts, so `x4111…` or `…1111é` is not a number on its own).
    pub fn stands_alone(&self, start: usize, end: usize) -> bool {
        self.boundary_before(start) && self.boundary_after(end)
    }

    /// Whether no word character ends right before `at`.
    pub fn boundary_before(&self, at: usize) -> bool {
        match self.byte_before(at) {
            None => true,
            Some(b) if b.is_ascii() => !is_ascii_word_byte(b),
            Some(_) => !self.text[..at].chars().next_back().is_some_and(is_word_char),
        }
    }

    /// Whether no word character starts right at `at`.
    pub fn boundary_after(&self, at: usize) -> bool {
        match self.byte_at(at) {
            None => true,
            Some(b) if b.is_ascii() => !is_ascii_word_byte(b),
            Some(_) => !self.text[at..].chars().next().is_some_and(is_word_char),
        }
    }

    /// Whether a number continues past `start..end`: a digit right beside it, or one of
    /// `joiners` and then a digit (`123-45-6789-1` holds no SSN).
    pub fn continues(&self, start: usize, end: usize, joiners: &[u8]) -> bool {
        let b = self.bytes;
        let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
        let left =
            start > 0 && (digit_at(start - 1) || (start > 1 && joiners.contains(&b[start - 1]) && digit_at(start - 2)));
        let right = digit_at(end) || (b.get(end).is_some_and(|c| joiners.contains(c)) && digit_at(end + 1));
        left || right
    }

    /// Whether any of `words` (lower-case ASCII) appears in the `window` bytes before `at`,
    /// ignoring ASCII case. Non-ASCII words are matched as they are.
    pub fn context_before(&self, at: usize, window: usize, words: &[&str]) -> bool {
        let start = floor_char_boundary(self.text, at.saturating_sub(window));
        contains_any(&self.text[start..at], words)
    }

    /// Whether any of `words` appears within `window` bytes on either side of `start..end`.
    pub fn context_around(&self, start: usize, end: usize, window: usize, words: &[&str]) -> bool {
        let from = floor_char_boundary(self.text, start.saturating_sub(window));
        let to = ceil_char_boundary(self.text, (end + window).min(self.text.len()));
        contains_any(&self.text[from..start], words) || contains_any(&self.text[end..to], words)
    }
}

/// Every maximal run of ASCII digits in `bytes`: the places where "is a digit" changes from one
/// byte to the next are where groups start and end.
fn digit_groups(bytes: &[u8]) -> Vec<Group> {
    let mut groups = Vec::new();
    // Where the group being read started, if the previous byte was a digit.
    let mut open: Option<usize> = None;
    let mut toggle = |at: usize| match open.take() {
        Some(start) => groups.push(Group { span: Span::new(start, at) }),
        None => open = Some(at),
    };
    let digits = |lanes| byte_flags::lanes_in_range(lanes, b'0', b'9');
    byte_flags::for_each_flagged(bytes, |before, b| digits(before) ^ digits(b), &mut toggle);
    if bytes.last().is_some_and(u8::is_ascii_digit) {
        toggle(bytes.len());
    }
    groups
}

/// A literal looked for with a vectorised substring search (memchr's, through aho-corasick),
/// several times faster than `str::find` over a long text.
#[derive(Debug)]
pub struct Literal {
    needle: &'static str,
    searcher: Option<AhoCorasick>,
}

impl Literal {
    /// A searcher for `needle`.
    pub fn new(needle: &'static str) -> Literal {
        // One short literal always compiles; without a searcher `find` falls back to `str::find`.
        Literal { needle, searcher: AhoCorasick::new([needle]).ok() }
    }

    /// The offset of the first occurrence of the literal in `text` at or after `from`.
    pub fn find(&self, text: &str, from: usize) -> Option<usize> {
        match &self.searcher {
            Some(searcher) => searcher.find(Input::new(text).range(from..)).map(|m| m.start()),
            None => text[from..].find(self.needle).map(|at| from + at),
        }
    }
}

/// Whether `haystack`, lower-cased (ASCII only), holds one of `words` starting a word: "tel"
/// is found in "Tel:" and "telephone" but not in "hotel". Like `str::match_indices`, the
/// search for a word goes on after the end of an occurrence that does not start a word.
fn contains_any(haystack: &str, words: &[&str]) -> bool {
    let hay = haystack.as_bytes();
    // A word whose first two bytes are not a pair of neighbouring bytes of the haystack is not
    // looked for at all (most context windows hold none of a list's words).
    let pairs = WindowPairs::new(hay);
    words.iter().any(|w| {
        let word = w.as_bytes();
        let Some(&first) = word.first() else { return true };
        if let Some(&second) = word.get(1) {
            if !pairs.may_hold(first, second.to_ascii_lowercase()) {
                return false;
            }
        }
        let starts_word = !w.starts_with(|c: char| c.is_alphanumeric());
        let mut at = 0;
        while at + word.len() <= hay.len() {
            let here = &hay[at..at + word.len()];
            if here[0].to_ascii_lowercase() != first || !here.eq_ignore_ascii_case(word) {
                at += 1;
                continue;
            }
            if starts_word || !haystack[..at].chars().next_back().is_some_and(char::is_alphanumeric) {
                return true;
            }
            at += word.len();
        }
        false
    })
}

/// The pairs of neighbouring bytes of a context window of up to [`WindowPairs::BYTES`] bytes,
/// lower-cased (ASCII only), sixteen pairs to a vector register, for [`contains_any`]'s filter:
/// each word's first pair is compared with all of them at once.
struct WindowPairs {
    /// Each pair's first byte, and after the last pair `0xFF` (never in UTF-8, so never a
    /// word's byte).
    firsts: [Lanes; WindowPairs::CHUNKS],
    /// Each pair's second byte, likewise.
    seconds: [Lanes; WindowPairs::CHUNKS],
    /// The registers that hold pairs, or none for a longer window (no pair is then ruled out).
    chunks: usize,
}

impl WindowPairs {
    const CHUNKS: usize = 4;
    /// The longest window read: 64 bytes make 63 pairs.
    const BYTES: usize = 16 * WindowPairs::CHUNKS;

    fn new(hay: &[u8]) -> WindowPairs {
        let mut window = [0xFF; WindowPairs::BYTES + 1];
        let chunks = if hay.len() <= WindowPairs::BYTES {
            window[..hay.len()].copy_from_slice(hay);
            hay.len().saturating_sub(1).div_ceil(16)
        } else {
            0
        };
        let lowered = |from: usize| {
            let bytes = Lanes::new(window[from..from + 16].try_into().unwrap_or_default());
            bytes | byte_flags::lanes_in_range(bytes, b'A', b'Z') & Lanes::splat(0x20)
        };
        WindowPairs {
            firsts: std::array::from_fn(|k| lowered(16 * k)),
            seconds: std::array::from_fn(|k| lowered(16 * k + 1)),
            chunks,
        }
    }

    /// Whether the window may hold the pair `first`, `second`: it does, or it is too long.
    fn may_hold(&self, first: u8, second: u8) -> bool {
        if self.chunks == 0 {
            return true;
        }
        let (first, second) = (Lanes::splat(first), Lanes::splat(second));
        let pairs = self.firsts.iter().zip(&self.seconds).take(self.chunks);
        pairs.fold(Lanes::splat(0), |found, (f, s)| found | f.simd_eq(first) & s.simd_eq(second)).any()
    }
}

/// Whether `c` continues a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// [`is_word_char`] for an ASCII byte, without decoding a char.
pub const fn is_ascii_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The largest char boundary at or before `i`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary at or after `i`.
pub fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_digit_groups_and_gaps() {
        let text = ScanText::new("tel (415) 555-0134, é12");
        let spans: Vec<&str> = text.groups().iter().map(|g| text.slice(g.span.start, g.span.end)).collect();
        assert_eq!(spans, ["415", "555", "0134", "12"]);
        assert_eq!(text.gap(0), ") ");
        assert_eq!(text.digits(&text.groups()[..3]), "4155550134");
        assert_eq!((text.run_digits(0), text.run_digits(3)), (10, 2));
    }

    #[test]
    fn finds_digit_groups_across_words_like_a_byte_loop() {
        let text = "12345678 a1b22c333d4444e55555f666666 0123456789012345 x9 ٣ 7\n99";
        for start in 0..text.len() {
            let part = &text.as_bytes()[start..];
            let mut expected = Vec::new();
            let mut i = 0;
            while i < part.len() {
                let from = i;
                while i < part.len() && part[i].is_ascii_digit() {
                    i += 1;
                }
                if i > from {
                    expected.push(Group { span: Span::new(from, i) });
                }
                i += 1;
            }
            assert_eq!(digit_groups(part), expected, "from byte {start}");
        }
    }

    #[test]
    fn visits_candidates_like_a_loop_over_every_group() {
        let text = "a1 22.333-4444 x55555é666666 ".repeat(30) + "7";
        let scan = ScanText::new(&text);
        let shape = |i: usize| {
            let (groups, b) = (scan.groups(), scan.bytes);
            let g = groups[i].span;
            GroupShape {
                len: u8::try_from(g.len()).unwrap_or(u8::MAX),
                next_len: groups.get(i + 1).map_or(0, |n| u8::try_from(n.len()).unwrap_or(u8::MAX)),
                before: g.start.checked_sub(1).map_or(0, |at| b[at]),
                after: b.get(g.end).copied().unwrap_or(0),
                gap: groups.get(i + 1).map_or(u8::MAX, |n| u8::try_from(n.span.start - g.end).unwrap_or(u8::MAX)),
                gap_before: i
                    .checked_sub(1)
                    .map_or(u8::MAX, |p| u8::try_from(g.start - groups[p].span.end).unwrap_or(u8::MAX)),
                run: u8::try_from(scan.run_digits(i)).unwrap_or(u8::MAX),
            }
        };
        let test = |s: GroupShape| (s.len % 2 == 1) | (s.before == b'.') | (s.gap_before == 4) | (s.gap == 1);
        // Uses one to three groups from each it visits.
        let used = |i: usize| i + 1 + i % 3;
        let count = scan.groups().len();
        for run in [1, 2, 3, 7] {
            let mut expected = Vec::new();
            let mut i = 0;
            while i < count {
                if (i..i + run as usize).all(|k| k < count && test(shape(k))) {
                    expected.push(i);
                    i = used(i);
                } else {
                    i += 1;
                }
            }
            let mut visited = Vec::new();
            let visit = |i| {
                visited.push(i);
                used(i)
            };
            if run == 1 {
                scan.for_each_candidate(test, visit);
            } else {
                scan.for_each_candidate_run(run, test, visit);
            }
            assert_eq!(visited, expected, "{run}");
            assert_eq!(expected.is_empty(), run == 7, "{run}");
        }
    }

    #[test]
    fn knows_when_a_number_stands_alone_or_continues() {
        let text = ScanText::new("x123 456é 123-45-6789-1");
        assert!(!text.stands_alone(1, 4));
        assert!(!text.stands_alone(5, 8));
        assert!(text.continues(11, 22, b"-"));
        assert!(!text.continues(11, 22, b" "));
    }

    #[test]
    fn finds_literals_from_an_offset() {
        let literal = Literal::new("://");
        assert_eq!(literal.find("a://b c://d", 0), Some(1));
        assert_eq!(literal.find("a://b c://d", 2), Some(7));
        assert_eq!(literal.find("a://b", 2), None);
    }

    /// [`contains_any`] without its filter: every word looked for.
    fn contains_any_unfiltered(haystack: &str, words: &[&str]) -> bool {
        words.iter().any(|w| {
            let starts_word = !w.starts_with(|c: char| c.is_alphanumeric());
            let lowered = haystack.to_ascii_lowercase();
            lowered
                .match_indices(w)
                .any(|(at, _)| starts_word || !haystack[..at].chars().next_back().is_some_and(char::is_alphanumeric))
        })
    }

    #[test]
    fn finds_context_words_like_a_search_without_the_filter() {
        let words = [
            "tel",
            "tél",
            "date of birth",
            "né le",
            "d.o.b",
            "v.",
            "出生",
            "x",
            "",
            "ab",
            "ba",
            "Tel",
            "phone #",
            "ZZ",
        ];
        let text = "Tel: 06 12, hotel TÉL né le 3 D.O.B. aB BA 出生 v.12 ;date OF birth- Phone #4 zz é\n".repeat(3);
        let starts: Vec<usize> = (0..text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        for (n, &from) in starts.iter().enumerate() {
            for &to in starts[n..].iter().take(80) {
                let hay = &text[from..to];
                for k in 0..words.len() {
                    let list = &words[k..(k + 3).min(words.len())];
                    assert_eq!(contains_any(hay, list), contains_any_unfiltered(hay, list), "{hay:?} {list:?}");
                }
            }
        }
    }

    #[test]
    fn finds_context_words_case_insensitively() {
        let text = ScanText::new("Date of Birth: 1985-03-12");
        assert!(text.context_before(15, 30, &["date of birth"]));
        assert!(!text.context_before(15, 30, &["born"]));
        let text = ScanText::new("hotel 123, Tel: 456");
        assert!(!text.context_before(5, 5, &["tel"]));
        assert!(text.context_before(19, 10, &["tel"]));
    }
}
