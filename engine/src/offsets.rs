//! Exact conversion of UTF-8 byte offsets into the units other languages index strings by.
//!
//! JavaScript indexes strings in UTF-16 code units, so a finding that the extension draws must
//! carry UTF-16 offsets; Python and the `scan --format jsonl` output count Unicode scalar values.
//! The engine works in bytes internally and converts once per scan.

/// Maps byte offsets of one text to UTF-16 and char offsets.
///
/// Offsets must be asked for in increasing order for the cheap path; any order works.
#[derive(Debug)]
pub struct OffsetMap<'t> {
    text: &'t str,
    byte: usize,
    utf16: usize,
    chars: usize,
}

impl<'t> OffsetMap<'t> {
    /// A map over `text`, starting at offset 0.
    pub fn new(text: &'t str) -> OffsetMap<'t> {
        OffsetMap { text, byte: 0, utf16: 0, chars: 0 }
    }

    /// The UTF-16 offset and char offset of byte offset `byte`.
    ///
    /// # Panics
    /// If `byte` is past the end of the text or not on a char boundary.
    pub fn at(&mut self, byte: usize) -> (usize, usize) {
        assert!(self.text.is_char_boundary(byte), "byte offset {byte} is not on a char boundary");
        if byte < self.byte {
            self.byte = 0;
            self.utf16 = 0;
            self.chars = 0;
        }
        let (chars, astral) = count_chars(&self.text.as_bytes()[self.byte..byte]);
        self.chars += chars;
        self.utf16 += chars + astral;
        self.byte = byte;
        (self.utf16, self.chars)
    }
}

/// The chars in `bytes` (whole UTF-8 text) and how many of them take two UTF-16 units: every
/// byte that is not a continuation byte (`10xxxxxx`) starts a char, and a char of four bytes
/// (first byte `11110xxx`) is a surrogate pair. Counted in blocks of 255 bytes with byte-sized
/// counters, a loop the compiler turns into vector instructions, since a scan counts across
/// its whole text once.
fn count_chars(bytes: &[u8]) -> (usize, usize) {
    let (mut chars, mut astral) = (0usize, 0usize);
    for block in bytes.chunks(255) {
        let (mut block_chars, mut block_astral) = (0u8, 0u8);
        for &b in block {
            block_chars += u8::from(b & 0xC0 != 0x80);
            block_astral += u8::from(b >= 0xF0);
        }
        chars += usize::from(block_chars);
        astral += usize::from(block_astral);
    }
    (chars, astral)
}

/// The byte offset of UTF-16 offset `utf16` in `text`, or `None` when it falls inside a
/// surrogate pair or past the end.
pub fn byte_of_utf16(text: &str, utf16: usize) -> Option<usize> {
    let mut units = 0;
    for (byte, c) in text.char_indices() {
        if units == utf16 {
            return Some(byte);
        }
        if units > utf16 {
            return None;
        }
        units += c.len_utf16();
    }
    (units == utf16).then_some(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_offsets_are_equal_in_every_unit() {
        let mut map = OffsetMap::new("hello world");
        assert_eq!(map.at(6), (6, 6));
    }

    #[test]
    fn emoji_counts_two_utf16_units_and_one_char() {
        let text = "😀 a@b.co";
        let mut map = OffsetMap::new(text);
        assert_eq!(map.at(5), (3, 2));
        assert_eq!(byte_of_utf16(text, 3), Some(5));
        assert_eq!(byte_of_utf16(text, 1), None);
    }

    #[test]
    fn counts_chars_in_whole_words_and_the_rest() {
        let text = "ab😀cd é 邮箱 and 😀😀 more text";
        let expected = (text.chars().count(), text.chars().filter(|c| c.len_utf16() == 2).count());
        assert_eq!(count_chars(text.as_bytes()), expected);
    }

    #[test]
    fn cjk_is_three_bytes_one_unit() {
        let text = "邮箱a";
        let mut map = OffsetMap::new(text);
        assert_eq!(map.at(6), (2, 2));
        assert_eq!(map.at(3), (1, 1));
    }
}
