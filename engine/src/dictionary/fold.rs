//! Folding text so that dictionary terms match however they are written: case, accents,
//! full-width and compatibility forms, typographic apostrophes and line breaks are all folded
//! away, and every byte of the folded text maps back to the original text.

use super::fold_table::FOLDS;
use crate::byte_flags;
use crate::detectors::{ceil_char_boundary, floor_char_boundary};

/// A folded copy of a text and the way back to the original's byte offsets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    /// The folded text, UTF-8 encoded. Kept as bytes: the dictionary reads it byte by byte, and
    /// checking the encoding of a whole scanned text again would cost more than folding it.
    pub bytes: Vec<u8>,
    /// Every character of the original that does not fold byte for byte, in order: where its
    /// folded form starts and how long it is, and where the character starts and how long it
    /// is. ASCII and CJK ideographs fold byte for byte, so between two entries offsets move
    /// together. A folding of part of a text starts with an entry of no length where it starts.
    changes: Vec<Change>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Change {
    folded: u32,
    folded_len: u32,
    original: u32,
    original_len: u32,
}

impl Folded {
    /// An empty folding of a part of a text, to be filled by [`fold_range`] from its original
    /// byte `from` on (offsets map back to the whole text).
    pub(super) fn start_at(&mut self, from: usize) {
        self.bytes.clear();
        self.changes.clear();
        // A change of no length: offsets after it move together from `from` on, as they move
        // together from 0 on in a folding of the whole text.
        let original = u32::try_from(from).unwrap_or(u32::MAX);
        self.changes.push(Change { folded: 0, folded_len: 0, original, original_len: 0 });
    }

    /// The folded text as a string (for a word or a term: its encoding is checked).
    pub fn into_text(self) -> String {
        // Only ASCII bytes and whole encoded characters are ever appended: never empty by error.
        String::from_utf8(self.bytes).unwrap_or_default()
    }

    /// The span of the original text that produced folded bytes `start..end` (`original` is the
    /// text that was folded). The span is widened to whole original characters.
    pub fn original_span(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        // Between changes an offset may fall inside an ideograph: widened to the whole char.
        let from = floor_char_boundary(original, self.origin(start).0);
        let (last, last_len) = self.origin(end - 1);
        let last_end = ceil_char_boundary(original, last + last_len);
        // Accents written as separate combining characters fold to nothing: keep them with the
        // letter they sit on.
        let trailing: usize =
            original[last_end..].chars().take_while(|&c| is_latin_accent(c)).map(char::len_utf8).sum();
        (from, last_end + trailing)
    }

    /// The original character that produced folded byte `at`: its offset and length.
    fn origin(&self, at: usize) -> (usize, usize) {
        let at32 = u32::try_from(at).unwrap_or(u32::MAX);
        let index = self.changes.partition_point(|c| c.folded <= at32);
        match index.checked_sub(1).map(|i| self.changes[i]) {
            None => (at, 1),
            Some(c) if at32 < c.folded + c.folded_len => (c.original as usize, c.original_len as usize),
            Some(c) => ((c.original + c.original_len) as usize + (at - (c.folded + c.folded_len) as usize), 1),
        }
    }
}

/// Folds `text`: lower case, compatibility decomposition without Latin combining accents, a
/// few letters that do not decompose (ß, ø, ł, æ, œ…) spelled out, any white space as one
/// space, and typographic apostrophes as `'`.
pub fn fold(text: &str) -> Folded {
    let mut folded = Folded { bytes: Vec::with_capacity(text.len()), changes: Vec::new() };
    fold_range(text, 0..text.len(), &mut RecentFolds::default(), &mut folded);
    folded
}

/// Appends the folding of `text[range]` (char boundaries) to `folded`, which holds the folding
/// of the text before it (from 0, or from where [`Folded::start_at`] said). Folding works char
/// by char, so the folding of a range is the part of the whole text's folding it produces.
pub(super) fn fold_range(text: &str, range: std::ops::Range<usize>, recent: &mut RecentFolds, folded: &mut Folded) {
    let Folded { bytes: out, changes } = folded;
    let bytes = &text.as_bytes()[..range.end];
    let mut at = range.start;
    while at < bytes.len() {
        // ASCII runs fold byte for byte.
        if bytes[at].is_ascii() {
            let run = ascii_run(&bytes[at..]);
            out.extend(bytes[at..at + run].iter().map(|&b| fold_ascii(b)));
            at += run;
            continue;
        }
        // The most common non-Latin text folds to itself, a run at a time.
        let run = ideograph_run(&bytes[at..]);
        if run > 0 {
            out.extend_from_slice(&bytes[at..at + run]);
            at += run;
            continue;
        }
        let Some(c) = text[at..].chars().next() else { break };
        let folded_from = out.len();
        let len = c.len_utf8();
        recent.fold_into(c, out);
        changes.push(Change {
            folded: u32::try_from(folded_from).unwrap_or(u32::MAX),
            folded_len: u32::try_from(out.len() - folded_from).unwrap_or(u32::MAX),
            original: u32::try_from(at).unwrap_or(u32::MAX),
            original_len: u32::try_from(len).unwrap_or(u32::MAX),
        });
        at += len;
    }
}

/// The folded forms of the last non-ASCII characters met, one slot per character's low bits: a
/// text repeats the same few (its accented letters, CJK punctuation, an emoji), and folding one
/// searches tables.
#[derive(Debug)]
pub(super) struct RecentFolds {
    slots: [(char, FoldedChar); 64],
    /// Where a character is folded before it is kept.
    scratch: String,
}

/// A folded form short enough to keep: most are one to four bytes.
#[derive(Debug, Clone, Copy, Default)]
struct FoldedChar {
    bytes: [u8; 15],
    len: u8,
}

impl Default for RecentFolds {
    fn default() -> Self {
        // NUL is ASCII and never asked for, so no slot matches before it is filled.
        RecentFolds { slots: [('\0', FoldedChar::default()); 64], scratch: String::new() }
    }
}

impl RecentFolds {
    /// Appends the folded form of the non-ASCII `c` to `out`.
    fn fold_into(&mut self, c: char, out: &mut Vec<u8>) {
        match self.lookup(c) {
            Ok(kept) => {
                // All fifteen bytes, then the unused ones dropped: a copy of a known length is
                // a couple of moves, one of a variable length a call to `memcpy`.
                let len = out.len() + usize::from(kept.len);
                out.extend_from_slice(&kept.bytes);
                out.truncate(len);
            }
            Err(long) => out.extend_from_slice(long.as_bytes()),
        }
    }

    /// The folded form of the non-ASCII `c`.
    pub(super) fn folded(&mut self, c: char) -> &[u8] {
        match self.lookup(c) {
            Ok(kept) => &kept.bytes[..usize::from(kept.len)],
            Err(long) => long.as_bytes(),
        }
    }

    /// The folded form of the non-ASCII `c`, kept in its slot, or a form too long to keep.
    fn lookup(&mut self, c: char) -> Result<&FoldedChar, &str> {
        let slot = &mut self.slots[c as usize % 64];
        if slot.0 != c {
            self.scratch.clear();
            fold_char(c, &mut self.scratch);
            let mut kept = FoldedChar::default();
            let (Some(room), Ok(len)) = (kept.bytes.get_mut(..self.scratch.len()), u8::try_from(self.scratch.len()))
            else {
                return Err(&self.scratch);
            };
            room.copy_from_slice(self.scratch.as_bytes());
            kept.len = len;
            *slot = (c, kept);
        }
        Ok(&slot.1)
    }
}

/// The length of the run of CJK unified ideographs that `bytes` (UTF-8 from a char boundary)
/// starts with, read from their encoding, three bytes each, without decoding chars.
fn ideograph_run(bytes: &[u8]) -> usize {
    bytes.chunks_exact(3).take_while(|c| encodes_unified_ideograph(c[0], c[1])).count() * 3
}

/// Whether a char of valid UTF-8 whose first two bytes are `lead` and `second` is a CJK
/// unified ideograph (see [`is_unified_ideograph_code`]), told by those two bytes alone: three
/// bytes led by `E5`-`E9` encode U+5000-U+9FFF, by `E4` U+4000-U+4FFF (the second byte `B7`
/// holds U+4DC0-U+4DFF, which are not ideographs), by `E3` U+3000-U+3FFF (ideographs from
/// U+3400, a second byte from `90`).
pub(super) fn encodes_unified_ideograph(lead: u8, second: u8) -> bool {
    match lead {
        0xE5..=0xE9 => true,
        0xE4 => second != 0xB7,
        0xE3 => second >= 0x90,
        _ => false,
    }
}

/// The length of the run of ASCII bytes `bytes` starts with, found a block at a time (the
/// compiler vectorises the test of a whole block).
fn ascii_run(bytes: &[u8]) -> usize {
    const BLOCK: usize = 32;
    let whole_blocks = bytes.chunks_exact(BLOCK).take_while(|block| block.is_ascii()).count() * BLOCK;
    // The run ends in the block after: found eight bytes at a time rather than byte by byte,
    // whose loop ends at an unpredictable byte.
    let rest = &bytes[whole_blocks..];
    let mut words = rest.chunks_exact(8);
    for (k, word) in (&mut words).enumerate() {
        let high = byte_flags::load(word) & byte_flags::HIGHS;
        if high != 0 {
            return whole_blocks + 8 * k + high.trailing_zeros() as usize / 8;
        }
    }
    let tail = words.remainder();
    bytes.len() - tail.len() + tail.iter().position(|b| !b.is_ascii()).unwrap_or(tail.len())
}

/// Folds one ASCII byte, without branches so that whole runs fold in vector instructions.
pub(super) fn fold_ascii(b: u8) -> u8 {
    let upper = b.wrapping_sub(b'A') < 26;
    let lower = b | (u8::from(upper) << 5);
    if b.is_ascii_whitespace() {
        b' '
    } else {
        lower
    }
}

/// Appends the folded form of `c` to `out`.
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(char::from(fold_ascii(c as u8)));
        return;
    }
    if c.is_whitespace() {
        out.push(' ');
        return;
    }
    if let Some(spelled) = spelled_out(c) {
        out.push_str(spelled);
        return;
    }
    if is_unified_ideograph(c) {
        out.push(c);
        return;
    }
    // Compatibility decomposition without Latin accents, lower-cased: precomputed for the
    // scripts Hush's users write (see generate_fold_table.py), plain lower case elsewhere.
    match FOLDS.binary_search_by_key(&c, |&(from, _)| from) {
        Ok(index) => {
            for d in FOLDS[index].1.chars() {
                match spelled_out(d) {
                    Some(spelled) => out.push_str(spelled),
                    None => out.push(d),
                }
            }
        }
        Err(_) => out.extend(c.to_lowercase()),
    }
}

/// Whether `c` is a CJK unified ideograph, the most common non-Latin text: it folds to itself.
fn is_unified_ideograph(c: char) -> bool {
    is_unified_ideograph_code(c as u32)
}

fn is_unified_ideograph_code(code: u32) -> bool {
    matches!(code, 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// Letters and signs that compatibility decomposition leaves alone but that people write in
/// two ways (Straße / Strasse, Søren / Soren, O’Brien / O'Brien).
fn spelled_out(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ı' => "i",
        'þ' | 'Þ' => "th",
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{FF07}' => "'",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => "-",
        _ => return None,
    })
}

/// Combining accents of Latin, Greek and Cyrillic letters (U+0300-U+036F). Other marks, such as
/// the kana voicing marks, change the letter and are kept.
fn is_latin_accent(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Whether `c` belongs to a script written without spaces between words (Chinese, Japanese,
/// Korean), where a term needs no word boundary around it.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3100..=0x312F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// Whether `c` continues a word of a script that separates words with spaces.
pub fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() && !is_cjk(c)) || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The folding the table stands for, computed with the normalization tables.
    fn fold_with_nfkd(c: char) -> String {
        let mut out = String::new();
        if c.is_whitespace() {
            return " ".to_string();
        }
        if let Some(spelled) = spelled_out(c) {
            return spelled.to_string();
        }
        unicode_normalization::char::decompose_compatible(c, |d| {
            if is_latin_accent(d) {
                return;
            }
            match spelled_out(d) {
                Some(spelled) => out.push_str(spelled),
                None => out.extend(d.to_lowercase()),
            }
        });
        out
    }

    #[test]
    fn the_table_agrees_with_compatibility_decomposition() {
        let ranges = [
            0x00A0..=0x024F,
            0x0370..=0x03FF,
            0x0400..=0x04FF,
            0x1E00..=0x1EFF,
            0x2000..=0x206F,
            0x2100..=0x214F,
            0x3000..=0x30FF,
            0xF900..=0xFAFF,
            0xFB00..=0xFB06,
            0xFF00..=0xFFEF,
        ];
        let mut differences = Vec::new();
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let mut table = String::new();
            fold_char(c, &mut table);
            if table != fold_with_nfkd(c) {
                differences.push(format!("U+{:04X}: {table:?} vs {:?}", c as u32, fold_with_nfkd(c)));
            }
        }
        assert!(
            differences.is_empty(),
            "{} differences: {:?}",
            differences.len(),
            &differences[..differences.len().min(20)]
        );
    }

    #[test]
    fn tells_ideographs_by_their_first_two_bytes_as_by_their_code() {
        for c in '\u{80}'..='\u{10FFFF}' {
            let mut encoded = [0u8; 4];
            let bytes = c.encode_utf8(&mut encoded).as_bytes();
            assert_eq!(encodes_unified_ideograph(bytes[0], bytes[1]), is_unified_ideograph(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn folds_every_char_to_one_char_or_more() {
        // The dictionary reads the folded char before a match from the char before it.
        let mut out = String::new();
        for c in '\u{0}'..='\u{10FFFF}' {
            out.clear();
            fold_char(c, &mut out);
            assert!(!out.is_empty(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn finds_the_end_of_an_ascii_run_like_a_byte_loop() {
        for len in 0..80 {
            let ascii = vec![b'a'; len];
            assert_eq!(ascii_run(&ascii), len);
            for end in 0..len {
                let mut bytes = ascii.clone();
                bytes[end] = 0xC3;
                assert_eq!(ascii_run(&bytes), end, "{end} of {len}");
            }
        }
    }

    fn folded(text: &str) -> String {
        fold(text).into_text()
    }

    /// Where `needle` first (or last) occurs in the folded bytes.
    fn find(f: &Folded, needle: &str) -> usize {
        f.bytes.windows(needle.len()).position(|w| w == needle.as_bytes()).unwrap()
    }

    fn rfind(f: &Folded, needle: &str) -> usize {
        f.bytes.windows(needle.len()).rposition(|w| w == needle.as_bytes()).unwrap()
    }

    #[test]
    fn folds_a_text_as_its_chars_one_by_one() {
        // Characters 64 apart share a slot of the recent folds; each appears several times.
        let chars: Vec<char> = (0xC0..0x200)
            .chain(0xFF01..0xFF5E)
            .chain([0x1F600, 0x3002, 0x4E00, 0x9FFF, 0x3400])
            .filter_map(char::from_u32)
            .collect();
        let text: String = chars.iter().chain(&chars).chain(chars.iter().rev()).collect();
        let one_by_one: String = text
            .chars()
            .map(|c| {
                let mut out = String::new();
                fold_char(c, &mut out);
                out
            })
            .collect();
        assert_eq!(folded(&text), one_by_one);
    }

    #[test]
    fn folds_case_accents_and_width() {
        assert_eq!(folded("Crème BRÛLÉE"), "creme brulee");
        assert_eq!(folded("ＡＣＭＥ Ｃｏｒｐ"), "acme corp");
        assert_eq!(folded("Straße O’Brien"), "strasse o'brien");
        assert_eq!(folded("Acme\nCorp"), "acme corp");
    }

    #[test]
    fn keeps_cjk_and_kana_voicing() {
        assert_eq!(folded("阿里巴巴"), "阿里巴巴");
        // Composed and decomposed kana fold alike, and the voicing mark is kept: が is not か.
        assert_eq!(folded("がっこう"), folded("か\u{3099}っこう"));
        assert_ne!(folded("がっこう"), folded("かっこう"));
        assert_eq!(folded("ｶﾞｯｺｳ"), folded("ガッコウ"));
    }

    #[test]
    fn maps_folded_spans_back_to_whole_original_characters() {
        let text = "« Crème Brûlée »";
        let f = fold(text);
        let start = find(&f, "creme");
        let (a, b) = f.original_span(text, start, start + "creme brulee".len());
        assert_eq!(&text[a..b], "Crème Brûlée");
        let text = "Straße";
        let f = fold(text);
        assert_eq!(f.original_span(text, 0, f.bytes.len()), (0, text.len()));
    }

    #[test]
    fn maps_ideographs_back_without_recording_them() {
        let text = "Zoë 和阿里巴巴 ＡＣＭＥ 阿里";
        let f = fold(text);
        assert_eq!(f.changes.len(), 5, "ë and the four full-width letters");
        let start = find(&f, "阿里");
        let (a, b) = f.original_span(text, start, start + "阿里".len());
        assert_eq!(&text[a..b], "阿里");
        // An offset inside an ideograph widens to the whole character.
        let (a, b) = f.original_span(text, start + 1, start + 4);
        assert_eq!(&text[a..b], "阿里");
        let start = rfind(&f, "阿里");
        let (a, b) = f.original_span(text, start, f.bytes.len());
        assert_eq!(&text[a..b], "阿里");
        let (a, b) = f.original_span(text, find(&f, "acme"), find(&f, "acme") + 4);
        assert_eq!(&text[a..b], "ＡＣＭＥ");
    }
}
