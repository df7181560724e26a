//! Amounts of money with their currency: `€48,500`, `USD 1,250.00`, `12.500,00 €`, `£3.2m`,
//! `¥980,000`, `4 800 CHF`, `15万元`. A bare number is never money: the currency must be
//! written next to it.

use super::text::{is_ascii_word_byte, GroupShape, ScanText};
use super::{Candidate, Detector, Validation};
use crate::{Kind, Severity, Span};

/// Finds amounts with a currency.
#[derive(Debug, Default)]
pub struct MoneyDetector;

/// Currency signs and codes written before an amount.
const BEFORE: &[&str] = &[
    "US$", "USD", "EUR", "GBP", "CHF", "JPY", "CNY", "RMB", "INR", "SGD", "AUD", "CAD", "HKD", "NZD", "SEK", "NOK",
    "DKK", "PLN", "BRL", "MXN", "HK$", "S$", "A$", "C$", "R$", "NZ$", "Rs.", "Rs", "$", "€", "£", "¥", "₹", "₩", "₽",
    "₺", "Fr.",
];
/// Currency signs, codes and words written after an amount.
const AFTER: &[&str] = &[
    "USD", "EUR", "GBP", "CHF", "JPY", "CNY", "RMB", "INR", "SGD", "AUD", "CAD", "HKD", "NZD", "SEK", "NOK", "DKK",
    "PLN", "BRL", "MXN", "euros", "euro", "dollars", "pounds", "yuan", "rupees", "francs", "kr", "zł", "€", "$", "£",
    "元", "円", "块", "美元", "欧元", "英镑",
];
/// For each byte, the signs of [`BEFORE`] that end with it and the units of [`AFTER`] that start
/// with it, one bit per word in list order: most numbers touch no such byte, and the others
/// compare only the few words that it can belong to.
static BEFORE_BY_LAST_BYTE: [u64; 256] = words_by_byte(BEFORE, true);
static AFTER_BY_FIRST_BYTE: [u64; 256] = words_by_byte(AFTER, false);

/// The words of `words` (at most 64) by their last (or first) byte.
const fn words_by_byte(words: &[&str], last: bool) -> [u64; 256] {
    assert!(words.len() <= 64);
    let mut table = [0u64; 256];
    let mut i = 0;
    while i < words.len() {
        let bytes = words[i].as_bytes();
        table[bytes[if last { bytes.len() - 1 } else { 0 }] as usize] |= 1 << i;
        i += 1;
    }
    table
}

/// The words of `words` whose bits are set in `bits`, in list order.
fn words_in(words: &'static [&'static str], mut bits: u64) -> impl Iterator<Item = &'static str> {
    std::iter::from_fn(move || {
        let index = bits.trailing_zeros() as usize;
        bits &= bits.wrapping_sub(1);
        words.get(index).copied()
    })
}

/// Magnitude words written after the number (`3.2m`, `1.5 million`, `15万`).
const MAGNITUDES: &[&str] =
    &["million", "billion", "Mio.", "Mio", "Mrd.", "Mrd", "mn", "bn", "k", "K", "m", "M", "万", "亿", "千"];
/// For each byte, the words of [`MAGNITUDES`] that start with it, like [`AFTER_BY_FIRST_BYTE`].
static MAGNITUDES_BY_FIRST_BYTE: [u64; 256] = words_by_byte(MAGNITUDES, false);

impl Detector for MoneyDetector {
    fn id(&self) -> &'static str {
        "money"
    }

    fn label(&self) -> &'static str {
        "Amounts of money"
    }

    fn detect(&self, text: &ScanText<'_>, out: &mut Vec<Candidate>) {
        for span in amounts(text, may_be_money_shaped, may_be_money) {
            out.push(Candidate::builtin(
                Kind::Money,
                "money",
                "Amount of money",
                span,
                0.9,
                Severity::Medium,
                Validation::Context,
            ));
        }
    }
}

/// Every amount with its currency in `text`, trying only the groups `worth_trying` lets through.
/// `shaped` rules groups out on their [`GroupShape`] first, 64 at a time.
fn amounts(
    text: &ScanText<'_>,
    shaped: fn(GroupShape) -> bool,
    worth_trying: fn(&ScanText<'_>, usize) -> bool,
) -> Vec<Span> {
    let mut found = Vec::new();
    text.for_each_candidate(shaped, |i| {
        if !worth_trying(text, i) {
            return i + 1;
        }
        let (count, number) = amount_at(text, i);
        found.extend(with_currency(text, number));
        i + count
    });
    found
}

/// The number starting at group `i`: thousands groups, a decimal part, a magnitude. Returns the
/// groups it used and its span.
fn amount_at(text: &ScanText<'_>, i: usize) -> (usize, Span) {
    let groups = text.groups();
    // The bytes between group `k` and the next: `ScanText::gap` without its char boundary
    // checks, compared as bytes.
    let between = |k: usize| &text.bytes[groups[k].span.end..groups[k + 1].span.start];
    let mut last = i;
    let mut separator: Option<&[u8]> = None;
    while last + 1 < groups.len() && groups[last].len() <= 3 && groups[last + 1].len() == 3 {
        let gap = between(last);
        // `,`, `.`, a space, a no-break space, `'`, `’` or a narrow no-break space.
        let thousands = matches!(gap, b"," | b"." | b" " | b"\xC2\xA0" | b"'" | b"\xE2\x80\x99" | b"\xE2\x80\xAF");
        if !thousands || separator.is_some_and(|s| s != gap) {
            break;
        }
        // "1,234.567" is not a grouping: a group of three after the decimal point.
        if last + 2 < groups.len() && groups[last + 2].len() != 3 && between(last + 1) == gap {
            break;
        }
        separator = Some(gap);
        last += 1;
    }
    if last + 1 < groups.len() && (1..=2).contains(&groups[last + 1].len()) {
        let gap = between(last);
        if (gap == b"." || gap == b",") && separator != Some(gap) {
            last += 1;
        }
    }
    let mut end = groups[last].span.end;
    let rest = &text.text[end..];
    let spaced = rest.strip_prefix(' ').unwrap_or(rest);
    let magnitudes = spaced.as_bytes().first().map_or(0, |&b| MAGNITUDES_BY_FIRST_BYTE[usize::from(b)]);
    if let Some(word) = words_in(MAGNITUDES, magnitudes).find(|m| spaced.starts_with(m)) {
        let word_end = end + (rest.len() - spaced.len()) + word.len();
        if text.boundary_after(word_end) || !word.is_ascii() {
            end = word_end;
        }
    }
    (last - i + 1, Span::new(groups[i].span.start, end))
}

/// Whether the byte could start a currency or a magnitude written after an amount.
fn may_start_unit(b: u8) -> bool {
    // ASCII codes and words, `$`, and the first byte of €, £, 元, 円, 块, 美元, 欧元, 英镑, 万, 亿, 千.
    b.is_ascii_uppercase()
        | matches!(b, b'$' | b'e' | b'd' | b'p' | b'y' | b'r' | b'f' | b'k' | b'z' | b'm' | b'b')
        | matches!(b, 0xE2 | 0xC2 | 0xE4 | 0xE5 | 0xE6 | 0xE7 | 0xE8)
}

/// [`may_be_money`] as far as the group's shape tells, a looser test run 64 groups at a time:
/// thousands or decimals one separator away (three digits after a space: most numbers in
/// running text are followed by a space and a group of some other length); a unit at once or
/// after a space; a sign at once, or past a space, `-` or no-break space. No unit starts with
/// a digit, nor has one for its second byte but `$`; no sign ends with a digit, nor has one
/// before its last byte but `$` (a test checks both): so a unit or sign is ruled out by a
/// digit two bytes away, which is where the next group (`gap` 1) or the previous one
/// (`gap_before` 1) is. That rules out most of the groups of dates, times, versions and hex
/// ids.
fn may_be_money_shaped(shape: GroupShape) -> bool {
    let GroupShape { next_len, before, after, gap, gap_before, .. } = shape;
    let more = (gap == 1) & (matches!(after, b'.' | b',' | b'\'') | ((after == b' ') & (next_len == 3)));
    let unit = (may_start_unit(after) | (after == b' ')) & ((gap != 1) | (after == b'$'));
    let sign = (may_end_sign(before) | skipped(before)) & ((gap_before != 1) | (before == b'$'));
    more | unit | sign
}

/// Whether the byte could end a currency sign or code written before an amount.
fn may_end_sign(b: u8) -> bool {
    // Codes end with a capital, `Rs` with `s`, `Rs.` and `Fr.` with `.`; the other signs are `$`
    // or not ASCII.
    b.is_ascii_uppercase() | (b == b's') | (b == b'.') | (b == b'$') | (b >= 0x80)
}

/// Whether [`sign_possible`] looks past the byte for a sign.
fn skipped(b: u8) -> bool {
    matches!(b, b' ' | b'-' | 0xA0)
}

/// Whether group `i` may start an amount with a currency: most groups (dates, times, versions,
/// hex ids) are an amount of one group with nothing that could be a currency beside it, and
/// are passed over without [`amount_at`] and [`with_currency`] comparing strings.
fn may_be_money(text: &ScanText<'_>, i: usize) -> bool {
    let (groups, bytes) = (text.groups(), text.bytes);
    let span = groups[i].span;
    let byte = |at: usize| bytes.get(at).copied().unwrap_or(0);
    let after = byte(span.end);
    // Thousands or decimals, one ASCII separator away (see `amount_at`).
    let more = groups.get(i + 1).is_some_and(|next| {
        let thousands = span.len() <= 3 && next.len() == 3;
        next.span.start == span.end + 1
            && match after {
                b'.' | b',' => thousands || next.len() <= 2,
                b' ' | b'\'' => thousands,
                _ => false,
            }
    });
    // A unit or magnitude at once or after a space; after a no-break space, `’` or narrow
    // no-break space (first bytes 0xC2, 0xE2), anything.
    let unit = has_pair(&UNIT_STARTS, after, byte(span.end + 1))
        || (after == b' ' && has_pair(&UNIT_STARTS, byte(span.end + 1), byte(span.end + 2)))
        || matches!(after, 0xC2 | 0xE2);
    // `with_currency` looks for a sign behind a no-break space only when a unit may follow.
    let before = &bytes[..span.start];
    // Its last byte first: most numbers have neither behind them.
    let no_break_space_before = matches!(before.last(), Some(0xA0 | b'-'))
        && (before.ends_with("\u{a0}".as_bytes()) || before.ends_with("\u{a0}-".as_bytes()));
    more || unit || sign_possible(bytes, span.start) || no_break_space_before
}

/// For each pair of bytes, whether a unit of [`AFTER`] or a magnitude of [`MAGNITUDES`] may
/// start with it (`k` or `m` only before a byte that ends a word: `42ms` is no magnitude).
static UNIT_STARTS: [u64; 1024] = pairs(&[AFTER, MAGNITUDES], false);
/// For each pair of bytes, whether a sign of [`BEFORE`] may end with it (`$` after any byte).
static SIGN_ENDS: [u64; 1024] = pairs(&[BEFORE], true);

/// The pairs of bytes that the words of `lists` start with (or end with, if `ends`), one bit
/// per pair, for [`has_pair`]. A word of one byte pairs with every byte on its far side.
const fn pairs(lists: &[&[&str]], ends: bool) -> [u64; 1024] {
    let mut table = [0u64; 1024];
    let mut l = 0;
    while l < lists.len() {
        let mut w = 0;
        while w < lists[l].len() {
            let word = lists[l][w].as_bytes();
            let len = word.len();
            let mut other = 0;
            while other < 256 {
                let fits = if len > 1 {
                    other == word[if ends { len - 2 } else { 1 }] as usize
                } else {
                    // A letter of its own (`k`, `m`) must not run on into a word.
                    ends || !word[0].is_ascii_alphabetic() || !is_ascii_word_byte(other as u8)
                };
                if fits {
                    let index =
                        if ends { other << 8 | word[len - 1] as usize } else { (word[0] as usize) << 8 | other };
                    table[index / 64] |= 1 << (index % 64);
                }
                other += 1;
            }
            w += 1;
        }
        l += 1;
    }
    table
}

/// Whether `table` (of [`pairs`]) holds the bytes `first`, `second`.
fn has_pair(table: &[u64; 1024], first: u8, second: u8) -> bool {
    let index = usize::from(first) << 8 | usize::from(second);
    table[index / 64] >> (index % 64) & 1 == 1
}

/// Whether a currency sign of [`BEFORE`] may end right before `start`, or past two bytes of
/// spaces and `-` (or the second byte of a no-break space, which then rules a sign out): its
/// last two bytes are those of a sign.
fn sign_possible(bytes: &[u8], start: usize) -> bool {
    let mut before_at = start;
    while before_at > 0 && before_at + 2 > start && skipped(bytes[before_at - 1]) {
        before_at -= 1;
    }
    let byte_before = |at: usize| at.checked_sub(1).map_or(0, |at| bytes[at]);
    before_at > 0 && has_pair(&SIGN_ENDS, byte_before(before_at - 1), bytes[before_at - 1])
}

/// The amount with its currency marker, if one is written right before or after it.
fn with_currency(text: &ScanText<'_>, number: Span) -> Option<Span> {
    let s = text.text;
    let bytes = text.bytes;
    // Most numbers have neither: look at the bytes around before comparing strings.
    let mut after_at = number.end;
    if matches!(bytes.get(after_at), Some(b' ' | 0xC2)) {
        after_at += if bytes[after_at] == b' ' { 1 } else { 2 };
    }
    let unit_possible = bytes.get(after_at).is_some_and(|&b| may_start_unit(b));
    if !unit_possible && !sign_possible(bytes, number.start) {
        return None;
    }
    if text.continues(number.start, number.end, b".,") || s[number.end..].starts_with('%') {
        return None;
    }
    let before = &s[..number.start];
    let before = before.strip_suffix(' ').or_else(|| before.strip_suffix('\u{a0}')).unwrap_or(before);
    let before = before.strip_suffix('-').unwrap_or(before);
    let signs = before.as_bytes().last().map_or(0, |&b| BEFORE_BY_LAST_BYTE[usize::from(b)]);
    if let Some(sign) = words_in(BEFORE, signs).find(|c| before.ends_with(c)) {
        let start = before.len() - sign.len();
        // A code needs a boundary before it (not "XUSD 5"), except after CJK text, which has
        // no spaces ("报价为USD 905").
        let after_cjk = s[..start].chars().next_back().is_some_and(|c| !c.is_ascii());
        let bounded = !sign.is_ascii() || sign.ends_with('$') || text.boundary_before(start) || after_cjk;
        let shell_variable = sign == "$" && number.len() == 1;
        if bounded && !shell_variable {
            return Some(Span::new(start, number.end));
        }
    }
    if !text.boundary_before(number.start) && !text.text[..number.start].ends_with(|c: char| !c.is_ascii()) {
        return None;
    }
    let after = &s[number.end..];
    let gap = if after.starts_with(' ') || after.starts_with('\u{a0}') {
        after.chars().next().map_or(0, char::len_utf8)
    } else {
        0
    };
    let after = &after[gap..];
    let units = after.as_bytes().first().map_or(0, |&b| AFTER_BY_FIRST_BYTE[usize::from(b)]);
    let unit = words_in(AFTER, units).find(|c| after.starts_with(c))?;
    let end = number.end + gap + unit.len();
    let bounded = !unit.is_ascii() || unit.ends_with('$') || text.boundary_after(end);
    bounded.then_some(Span::new(number.start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        MoneyDetector.detect(&ScanText::new(text), &mut out);
        out.iter().map(|c| &text[c.bytes.start..c.bytes.end]).collect()
    }

    #[test]
    fn finds_amounts_with_currencies() {
        assert_eq!(found("budget €48,500 for Q3"), ["€48,500"]);
        assert_eq!(found("total USD 1,250.00."), ["USD 1,250.00"]);
        assert_eq!(found("Betrag: 12.500,00 € netto"), ["12.500,00 €"]);
        assert_eq!(found("raised £3.2m"), ["£3.2m"]);
        assert_eq!(found("price ¥980,000"), ["¥980,000"]);
        assert_eq!(found("fee 4 800 CHF"), ["4 800 CHF"]);
        assert_eq!(found("报价15万元"), ["15万元"]);
        assert_eq!(found("$2,400/month"), ["$2,400"]);
        assert_eq!(found("a 1.5 million dollars deal"), ["1.5 million dollars"]);
    }

    #[test]
    fn passes_over_only_groups_that_hold_no_money() {
        let before =
            ["", "x ", "€", "€ ", "€\u{a0}", "€\u{a0}-", "USD", "XUSD ", "Rs", "Rs.", "es ", "T -", "$", "报价"];
        let numbers = ["5", "48,500", "1.5", "4 800", "12’500", "12\u{202f}500", "1,234.567", "2024-03-15"];
        let after =
            ["", " ", "k", "ms", " million dollars", "m", " Ma", "£", " €", "\u{a0}CHF", " e", "万元", "%", "d"];
        for b in before {
            for n in numbers {
                for a in after {
                    let text = format!("{b}{n}{a}");
                    let scan = ScanText::new(&text);
                    let all = amounts(&scan, |_| true, |_, _| true);
                    assert_eq!(amounts(&scan, may_be_money_shaped, may_be_money), all, "{text}");
                }
            }
        }
    }

    #[test]
    fn byte_classes_hold_every_unit_start_and_sign_end() {
        for byte in 0..=255u8 {
            let unit = AFTER_BY_FIRST_BYTE[usize::from(byte)] | MAGNITUDES_BY_FIRST_BYTE[usize::from(byte)] != 0;
            assert!(!unit || may_start_unit(byte), "{byte}");
            assert!(BEFORE_BY_LAST_BYTE[usize::from(byte)] == 0 || may_end_sign(byte), "{byte}");
        }
    }

    #[test]
    fn no_unit_or_sign_has_a_digit_beside_its_edge_but_a_dollar() {
        for byte in 0..=255u8 {
            for digit in b'0'..=b'9' {
                assert!(!has_pair(&UNIT_STARTS, digit, byte), "{byte}");
                assert!(!has_pair(&SIGN_ENDS, byte, digit), "{byte}");
                assert!(byte == b'$' || !has_pair(&UNIT_STARTS, byte, digit), "{byte}");
                assert!(byte == b'$' || !has_pair(&SIGN_ENDS, digit, byte), "{byte}");
            }
        }
    }

    #[test]
    fn ignores_bare_numbers_and_shell_variables() {
        for text in ["version 1.2.3", "echo $1 and $2", "42 items", "50% off", "ID 12345", "EURO2024"] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
