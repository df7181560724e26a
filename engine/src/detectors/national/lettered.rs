//! National ids that mix letters and digits: found as the ASCII word around a digit group.

use super::super::text::{GroupShape, ScanText};
use super::IdMatch;
use crate::Span;

/// Appends every lettered national id in `text` to `out`.
pub(super) fn detect(text: &ScanText<'_>, out: &mut Vec<IdMatch>) {
    detect_in(text, out, may_be_in_id);
}

/// [`detect`], looking only at the words of the groups that `worth_trying` lets through.
pub(super) fn detect_in(text: &ScanText<'_>, out: &mut Vec<IdMatch>, worth_trying: fn(GroupShape) -> bool) {
    let bytes = text.bytes;
    let mut resume = 0;
    let groups = text.groups();
    text.for_each_candidate(worth_trying, |i| {
        let group = groups[i];
        if group.span.start < resume {
            return i + 1;
        }
        let mut start = group.span.start;
        while start > 0 && bytes[start - 1].is_ascii_alphanumeric() {
            start -= 1;
        }
        let mut end = group.span.end;
        while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
            end += 1;
        }
        resume = end;
        let word = &text.text[start..end];
        let span = Span::new(start, end);
        let found = match word.len() {
            8 => es_dni_hyphenated(text, span),
            9 => es_dni(word, span).or_else(|| uk_nino(word, span)).or_else(|| sg_nric(word, span)),
            10 => in_pan(word, span),
            16 => it_codice_fiscale(word, span),
            2 => uk_nino_spaced(text, span),
            _ => None,
        };
        // Most words have no id's length: the boundaries are looked at only when one matched.
        if let Some(found) = found.filter(|_| text.stands_alone(start, end)) {
            resume = resume.max(found.span.end);
            out.push(found);
        }
        i + 1
    });
}

/// Whether a group may be part of a lettered id, from the bytes around it: every id but the
/// DNI's and the spaced NINO's pairs has capitals before its digits (the DNI's and NIE's
/// letter after them may be lower-case); a DNI is eight digits with a letter or `-` after
/// them, a spaced NINO's pair two digits between spaces. A group after a lower-case letter or
/// of another length is in no id, nor is any other group of its word.
fn may_be_in_id(shape: GroupShape) -> bool {
    let GroupShape { len, before, after, .. } = shape;
    (before.is_ascii_uppercase() & (len <= 8))
        | (!before.is_ascii_alphanumeric()
            & (((len == 8) & (after.is_ascii_alphabetic() | (after == b'-')))
                | ((len == 2) & (before == b' ') & (after == b' '))))
}

const DNI_LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

/// Spanish DNI (8 digits + letter) and NIE (X/Y/Z + 7 digits + letter): the letter is the
/// number mod 23.
fn es_dni(word: &str, span: Span) -> Option<IdMatch> {
    let b = word.as_bytes();
    let (prefix, rule, label) = match b[0] {
        b'X' => (b'0', "national_id.es_nie", "Spanish foreigner id (NIE)"),
        b'Y' => (b'1', "national_id.es_nie", "Spanish foreigner id (NIE)"),
        b'Z' => (b'2', "national_id.es_nie", "Spanish foreigner id (NIE)"),
        b'0'..=b'9' => (b[0], "national_id.es_dni", "Spanish national id (DNI)"),
        _ => return None,
    };
    if !b[1..8].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let number: u32 =
        std::iter::once(prefix).chain(b[1..8].iter().copied()).fold(0, |n, d| n * 10 + u32::from(d - b'0'));
    (b[8].to_ascii_uppercase() == DNI_LETTERS[(number % 23) as usize]).then(|| IdMatch::checksum(span, rule, label))
}

/// A DNI written `12345678-Z`.
fn es_dni_hyphenated(text: &ScanText<'_>, span: Span) -> Option<IdMatch> {
    let end = span.end + 2;
    let word = text.text.get(span.start..end)?;
    if text.byte_at(span.end) != Some(b'-') || !text.stands_alone(span.start, end) {
        return None;
    }
    let compact = format!("{}{}", &word[..8], &word[9..]);
    es_dni(&compact, Span::new(span.start, end))
}

/// UK National Insurance number: two prefix letters (not D, F, I, Q, U, V; second not O; not
/// BG, GB, NK, KN, TN, NT, ZZ), six digits, suffix A-D.
fn uk_nino(word: &str, span: Span) -> Option<IdMatch> {
    let b = word.as_bytes();
    let prefix_ok = nino_prefix(b[0], b[1]);
    let valid = prefix_ok && b[2..8].iter().all(u8::is_ascii_digit) && matches!(b[8], b'A'..=b'D');
    valid.then(|| IdMatch::format(span, "national_id.uk_nino", "UK National Insurance number"))
}

fn nino_prefix(first: u8, second: u8) -> bool {
    let bad = b"DFIQUV";
    first.is_ascii_uppercase()
        && second.is_ascii_uppercase()
        && !bad.contains(&first)
        && !bad.contains(&second)
        && second != b'O'
        && ![*b"BG", *b"GB", *b"NK", *b"KN", *b"TN", *b"NT", *b"ZZ"].contains(&[first, second])
}

/// A NINO written `AB 12 34 56 C`: found from its first digit pair.
fn uk_nino_spaced(text: &ScanText<'_>, pair: Span) -> Option<IdMatch> {
    let start = pair.start.checked_sub(3)?;
    let end = pair.start + 10;
    // `AB 12 34 56 C`: three bytes before the pair, ten from it.
    let word = text.text.get(start..end)?.as_bytes();
    let shape = [2, 5, 8, 11].iter().all(|&k| word[k] == b' ')
        && [3, 4, 6, 7, 9, 10].iter().all(|&k| word[k].is_ascii_digit())
        && matches!(word[12], b'A'..=b'D')
        && nino_prefix(word[0], word[1]);
    (shape && text.stands_alone(start, end))
        .then(|| IdMatch::format(Span::new(start, end), "national_id.uk_nino", "UK National Insurance number"))
}

/// Singapore NRIC/FIN: S/T/F/G, seven digits, a check letter from weights 2,7,6,5,4,3,2.
fn sg_nric(word: &str, span: Span) -> Option<IdMatch> {
    let b = word.as_bytes();
    if !b[1..8].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sum: u32 = b[1..8].iter().zip([2, 7, 6, 5, 4, 3, 2]).map(|(d, w)| u32::from(d - b'0') * w).sum();
    let (offset, table): (u32, &[u8; 11]) = match b[0] {
        b'S' => (0, b"JZIHGFEDCBA"),
        b'T' => (4, b"JZIHGFEDCBA"),
        b'F' => (0, b"XWUTRQPNMLK"),
        b'G' => (4, b"XWUTRQPNMLK"),
        _ => return None,
    };
    (b[8] == table[((sum + offset) % 11) as usize])
        .then(|| IdMatch::checksum(span, "national_id.sg_nric", "Singapore NRIC/FIN"))
}

/// Indian PAN: five letters (the fourth says the holder type), four digits, a letter.
fn in_pan(word: &str, span: Span) -> Option<IdMatch> {
    let b = word.as_bytes();
    let valid = b[..5].iter().all(u8::is_ascii_uppercase)
        && b"PCHFATBLJG".contains(&b[3])
        && b[5..9].iter().all(u8::is_ascii_digit)
        && b[9].is_ascii_uppercase();
    valid.then(|| IdMatch::format(span, "national_id.in_pan", "Indian PAN"))
}

/// Italian codice fiscale: surname and name letters, birth year, month letter, day (+40 for
/// women), municipality, and a check letter from the odd/even position tables.
fn it_codice_fiscale(word: &str, span: Span) -> Option<IdMatch> {
    let b = word.as_bytes();
    // Digits may be replaced by letters (omocodia) when two people would share a code.
    let digit_or_omocode = |c: u8| c.is_ascii_digit() || b"LMNPQRSTUV".contains(&c);
    let shape = b[..6].iter().all(u8::is_ascii_uppercase)
        && [6, 7, 9, 10, 12, 13, 14].iter().all(|&k| digit_or_omocode(b[k]))
        && b"ABCDEHLMPRST".contains(&b[8])
        && b[11].is_ascii_uppercase()
        && b[15].is_ascii_uppercase();
    if !shape {
        return None;
    }
    const ODD: [u32; 26] =
        [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
    let value = |c: u8, odd: bool| -> u32 {
        let index = if c.is_ascii_digit() { usize::from(c - b'0') } else { usize::from(c - b'A') };
        if odd {
            ODD[index]
        } else {
            u32::try_from(index).unwrap_or(0)
        }
    };
    let sum: u32 = b[..15].iter().enumerate().map(|(k, &c)| value(c, k % 2 == 0)).sum();
    (b[15] == b'A' + u8::try_from(sum % 26).ok()?)
        .then(|| IdMatch::checksum(span, "national_id.it_codice_fiscale", "Italian tax code (codice fiscale)"))
}
