//! Folding text so that dictionary terms match however they are written: case, accents,
//! full-width and compatibility forms, typographic apostrophes and line breaks are all folded
//! away, and every byte of the folded text maps back to the original text.

use unicode_normalization::char::decompose_compatible;

/// A folded copy of a text and the way back to the original's byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, the byte offset in the original of the char that produced it;
    /// `None` when folding kept every offset (ASCII input).
    origin: Option<Vec<u32>>,
}

impl Folded {
    /// The span of the original text that produced folded bytes `start..end` (`original` is the
    /// text that was folded). The span is widened to whole original characters.
    pub fn original_span(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        match &self.origin {
            None => (start, end),
            Some(origin) => {
                let from = origin[start] as usize;
                let last = origin[end - 1] as usize;
                let last_len = original[last..].chars().next().map_or(0, char::len_utf8);
                // Accents written as separate combining characters fold to nothing: keep them
                // with the letter they sit on.
                let trailing: usize =
                    original[last + last_len..].chars().take_while(|&c| is_latin_accent(c)).map(char::len_utf8).sum();
                (from, last + last_len + trailing)
            }
        }
    }
}

/// Folds `text`: lower case, compatibility decomposition without Latin combining accents, a
/// few letters that do not decompose (ß, ø, ł, æ, œ…) spelled out, any white space as one
/// space, and typographic apostrophes as `'`.
pub fn fold(text: &str) -> Folded {
    if text.is_ascii() {
        let bytes = text.bytes().map(fold_ascii).collect();
        // Every byte stays ASCII, so the result is valid UTF-8 of the same length.
        return Folded { text: String::from_utf8(bytes).unwrap_or_default(), origin: None };
    }
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let before = out.len();
        fold_char(c, &mut out);
        origin.resize(out.len(), u32::try_from(at).unwrap_or(u32::MAX));
        debug_assert!(out.len() >= before);
    }
    Folded { text: out, origin: Some(origin) }
}

fn fold_ascii(b: u8) -> u8 {
    if b.is_ascii_whitespace() {
        b' '
    } else {
        b.to_ascii_lowercase()
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
    decompose_compatible(c, |d| {
        if is_latin_accent(d) {
            return;
        }
        if let Some(spelled) = spelled_out(d) {
            out.push_str(spelled);
        } else {
            out.extend(d.to_lowercase());
        }
    });
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

    fn folded(text: &str) -> String {
        fold(text).text
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
        let start = f.text.find("creme").unwrap();
        let (a, b) = f.original_span(text, start, start + "creme brulee".len());
        assert_eq!(&text[a..b], "Crème Brûlée");
        let text = "Straße";
        let f = fold(text);
        assert_eq!(f.original_span(text, 0, f.text.len()), (0, text.len()));
    }
}
