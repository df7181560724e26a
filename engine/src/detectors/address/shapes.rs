//! Which address shapes to try around a number: a few bytes on either side of the house number
//! rule most numbers out ("2024-03-15", "chapter 3", "+44 20"), and the street words are looked
//! up only for the rest, so the patterns run on few windows.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};

use super::{may_be_inside_english_address, CHINESE, COMPOUND, ENGLISH, FRENCH, ORDINAL_SUFFIXES, SOUTHERN, WINDOW};
use crate::byte_flags::{lanes_equal, lanes_in_range, Lanes};
use crate::detectors::address_words as words;
use crate::detectors::text::{GroupShape, ScanText};
use crate::Span;

/// French street types, written after the house number.
const FRENCH_WORDS: &[&str] = &[
    "rue",
    "avenue",
    "av.",
    "boulevard",
    "bd",
    "place",
    "allée",
    "allee",
    "chemin",
    "impasse",
    "quai",
    "route",
    "cours",
];
/// The street words of the shapes whose number comes last, searched for case-sensitively, each
/// suffix as written at the end of a word, and the common ones capitalised after a hyphen
/// ("Klaus-Lindner-Platz"), leftmost-first: one of them must end shortly before the house
/// number of such a shape.
///
/// Only the numbers whose words before them pass the cheaper tests ([`may_end_street_name`],
/// then the look at the words in [`shapes_around`]) ask, so the words are searched for near
/// those numbers only instead of over the whole text.
#[derive(Debug)]
pub(super) struct NumberLastWords(Option<AhoCorasick>);

impl NumberLastWords {
    /// Builds the search for the street words.
    pub(super) fn new() -> NumberLastWords {
        let words = words::COMPOUND_SUFFIXES.iter().chain(words::CAPITALISED_SUFFIXES).chain(words::SOUTHERN);
        NumberLastWords(AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostFirst).build(words).ok())
    }

    /// Whether a street word ends in `lo..=hi`, where a leftmost-first search over the whole
    /// text finds them (a match does not overlap the one before it).
    fn ends_within(&self, text: &str, lo: usize, hi: usize) -> bool {
        let Some(searcher) = &self.0 else { return false };
        // No match holds a byte that no street word holds, so after one of those the search
        // from the start of the text and a search from there find the same words.
        let from = text.as_bytes()[..lo].iter().rposition(|&b| !STREET_WORD_BYTES[usize::from(b)]).map_or(0, |i| i + 1);
        searcher
            .find_iter(Input::new(text).range(from..))
            .map(|m| m.end())
            .find(|&end| end >= lo)
            .is_some_and(|end| end <= hi)
    }
}

/// The bytes that occur in the street words of [`NumberLastWords`].
static STREET_WORD_BYTES: [bool; 256] = {
    let mut bytes = [false; 256];
    let lists = [words::COMPOUND_SUFFIXES, words::CAPITALISED_SUFFIXES, words::SOUTHERN];
    let mut list = 0;
    while list < lists.len() {
        let mut word = 0;
        while word < lists[list].len() {
            let word_bytes = lists[list][word].as_bytes();
            let mut i = 0;
            while i < word_bytes.len() {
                bytes[word_bytes[i] as usize] = true;
                i += 1;
            }
            word += 1;
        }
        list += 1;
    }
    bytes
};

/// Whether the word before the space at `space` (and a comma before it) may end the name of a
/// street whose number comes last. Those patterns want a capitalised word right before the
/// number ("Hauptstraße 5", "Calle Mayor 10", "Via Roma, 12", "Piano 8"), or "n." ("Calle
/// Mayor, n. 10"), so a number after a lower-case word ("chapter 3", "fixé au 15") or after no
/// word ("= 12", "DE89 3704") is ruled out before the words before it are looked at.
fn may_end_street_name(s: &str, space: usize) -> bool {
    let before = &s[..space];
    let before = before.strip_suffix(',').unwrap_or(before);
    let bytes = before.as_bytes();
    if let Some(answer) = ends_ascii_street_name(bytes) {
        return answer;
    }
    let mut word = before.len();
    // Every char that a name in those patterns may hold goes on the word, and a few more: any
    // non-ASCII char, ASCII letters and `.-'`. ASCII, most of it, is read as bytes; only a
    // non-ASCII char is decoded, to see whether it is upper case.
    while let Some(&b) = bytes[..word].last() {
        if b.is_ascii() {
            if b.is_ascii_uppercase() {
                return true;
            }
            if !(b.is_ascii_lowercase() || matches!(b, b'.' | b'-' | b'\'')) {
                break;
            }
            word -= 1;
        } else {
            let Some(c) = before[..word].chars().next_back() else { break };
            if c.is_uppercase() {
                return true;
            }
            word -= c.len_utf8();
        }
    }
    matches!(&before[word..], "n" | "n.")
}

/// [`may_end_street_name`] read from the last sixteen bytes at once, when they hold the start
/// of the word and the word is ASCII (most words before a number: "chapter", "pages"); `None`
/// otherwise. The word is what follows the last byte that is no ASCII letter, no `.-'` and no
/// part of a non-ASCII char.
fn ends_ascii_street_name(bytes: &[u8]) -> Option<bool> {
    let lanes = Lanes::new(*bytes.last_chunk::<16>()?);
    let capitals = lanes_in_range(lanes, b'A', b'Z').to_bitmask();
    let non_ascii = lanes_in_range(lanes, 0x80, 0xFF).to_bitmask();
    let others = lanes_in_range(lanes, b'a', b'z') | lanes_equal(lanes, b'.') | lanes_equal(lanes, b'-');
    let name = capitals | non_ascii | (others | lanes_equal(lanes, b'\'')).to_bitmask();
    let stops = !name & 0xFFFF;
    // The highest stop, and the word's bytes above it.
    let last_stop = stops.checked_ilog2()?;
    let word = 0xFFFF & !((2 << last_stop) - 1);
    if non_ascii & word != 0 {
        return None;
    }
    let word_len = (15 - last_stop) as usize;
    Some(capitals & word != 0 || matches!(&bytes[bytes.len() - word_len..], b"n" | b"n."))
}

/// Whether one of the five words after a house number is an English street word (those are
/// all capitalised, so a word that is not needs no look-up, nor does one whose first two
/// letters begin no street word: "INFO", "Friday").
fn names_english_street(after: &[u8]) -> bool {
    // Every byte of a non-ASCII char separates words, like the char itself.
    after
        .split(|b| !b.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
        .any(|w| words_like(words::ENGLISH, &ENGLISH_BY_PAIR, w).iter().any(|e| e.as_bytes() == w))
}

/// Whether `word` is one of the Spanish or Italian street types.
fn is_southern_street(word: &str) -> bool {
    words_like(words::SOUTHERN, &SOUTHERN_BY_PAIR, word.as_bytes()).contains(&word)
}

/// The words of `list` (sorted, each a capital and a lower-case ASCII letter first) that start
/// with the first two bytes of `word`, from its [`ranges_by_pair`]: at most eight, so a word is
/// compared with those only, and most words (lower case, "INFO", "Friday") with none.
fn words_like(list: &'static [&'static str], ranges: &PairRanges, word: &[u8]) -> &'static [&'static str] {
    let [first @ b'A'..=b'Z', second @ b'a'..=b'z', ..] = *word else { return &[] };
    let (start, end) = ranges[usize::from(first - b'A') * 26 + usize::from(second - b'a')];
    list.get(usize::from(start)..usize::from(end)).unwrap_or_default()
}

/// For each capital and lower-case letter, the range of a sorted list of words that starts
/// with them (see [`ranges_by_pair`]).
type PairRanges = [(u8, u8); 26 * 26];

/// [`PairRanges`] of [`words::ENGLISH`].
static ENGLISH_BY_PAIR: PairRanges = ranges_by_pair(words::ENGLISH);

/// [`PairRanges`] of [`words::SOUTHERN`].
static SOUTHERN_BY_PAIR: PairRanges = ranges_by_pair(words::SOUTHERN);

/// The [`PairRanges`] of `list`, empty for most pairs.
const fn ranges_by_pair(list: &[&str]) -> PairRanges {
    let mut ranges = [(0u8, 0u8); 26 * 26];
    let mut i = 0;
    while i < list.len() {
        // Every word is capitalised, its second letter is lower case, and the words that start
        // alike are next to each other (checked at compile time here).
        let word = list[i].as_bytes();
        assert!(word[0].is_ascii_uppercase() && word[1].is_ascii_lowercase() && i < 255);
        let pair = (word[0] - b'A') as usize * 26 + (word[1] - b'a') as usize;
        if ranges[pair].1 == 0 {
            ranges[pair].0 = i as u8;
        }
        assert!(ranges[pair].1 == 0 || ranges[pair].1 as usize == i);
        ranges[pair].1 = i as u8 + 1;
        i += 1;
    }
    ranges
}

/// Whether `word`, lower-cased, ends with a German or Dutch compound street suffix
/// ("Hauptstraße", "KEIZERSGRACHT").
fn ends_with_compound_suffix(word: &str) -> bool {
    // An ASCII letter lower-cases to one ASCII letter, so most words are ruled out on their last
    // byte before they are lower-cased.
    let Some(last) = word.as_bytes().last().map(u8::to_ascii_lowercase) else { return false };
    if last.is_ascii() && !words::COMPOUND_SUFFIXES.iter().any(|w| w.as_bytes().last() == Some(&last)) {
        return false;
    }
    let lower = word.to_lowercase();
    words::COMPOUND_SUFFIXES.iter().any(|w| lower.ends_with(w))
}

/// Whether `word` starts with a French street type, in any case.
fn starts_with_french_street(word: &[u8]) -> bool {
    FRENCH_WORDS.iter().any(|w| word.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w.as_bytes())))
}

/// Whether `word` starts with the first two letters, in any case, of a French street type or
/// of "bis" and "ter" (which may come between the number and the type): most words after a
/// number do not, and are ruled out before they are compared.
fn may_start_french_street(word: &[u8]) -> bool {
    let [first, second, ..] = *word else { return false };
    let (first, second) = (first.to_ascii_lowercase(), second.to_ascii_lowercase());
    first.is_ascii_lowercase()
        && second.is_ascii_lowercase()
        && FRENCH_PAIRS[usize::from(first - b'a')] >> (second - b'a') & 1 == 1
}

/// For each lower-case letter, the second letters of the words of [`may_start_french_street`]
/// that start with it, one bit each.
static FRENCH_PAIRS: [u32; 26] = {
    let mut pairs = with_pair(with_pair([0; 26], b"bis"), b"ter");
    let mut i = 0;
    while i < FRENCH_WORDS.len() {
        pairs = with_pair(pairs, FRENCH_WORDS[i].as_bytes());
        i += 1;
    }
    pairs
};

/// `pairs` with the first two letters of `word` added.
const fn with_pair(mut pairs: [u32; 26], word: &[u8]) -> [u32; 26] {
    // Every word starts with two lower-case ASCII letters (checked at compile time here).
    assert!(word[0].is_ascii_lowercase() && word[1].is_ascii_lowercase());
    pairs[(word[0] - b'a') as usize] |= 1 << (word[1] - b'a');
    pairs
}

/// Whether [`shapes_around`] may give the number a shape, from its [`GroupShape`] alone, for
/// [`ScanText::for_each_candidate`] (no branch): a number of four digits at most after a space
/// that follows no digit (a street name before it), one of five digits at most after no ASCII
/// word byte and before a space, a comma or a letter that no digit follows (a street after it),
/// or one before the first byte of `号`. A test checks that every number given a shape passes.
#[inline(always)]
pub(super) fn may_have_shape(group: GroupShape) -> bool {
    let GroupShape { len, before, after, gap, gap_before, .. } = group;
    let word_before = before.is_ascii_alphanumeric() | (before == b'_');
    // A letter that ends the number ("221B") is followed by a space or a comma, not by the next
    // group's digits ("-0b7d", "=3a4").
    let street_after = (after == b' ') | (after == b',') | (after.is_ascii_alphabetic() & (gap != 1));
    ((len <= 4) & (before == b' ') & (gap_before != 1))
        | ((len <= 5) & !word_before & street_after)
        | (after == CHINESE_NUMBER_SIGN_LEAD)
}

/// The first byte of `号`, which ends the number of a Chinese address.
const CHINESE_NUMBER_SIGN_LEAD: u8 = "号".as_bytes()[0];

/// The address shapes worth trying around the house number at `number`.
pub(super) fn shapes_around(text: &ScanText<'_>, number: Span, number_last_words: &NumberLastWords) -> u8 {
    let s = text.text;
    let mut shapes = number_first_shapes(text, number);
    if number.len() <= 4 && text.byte_before(number.start) == Some(b' ') && may_end_street_name(s, number.start - 1) {
        // Backwards: "Hauptstraße 5", "Calle Mayor 10", "Via Roma, 12".
        let before = &s[..number.start - 1];
        let before = before.strip_suffix(',').unwrap_or(before);
        let mut words =
            before.rsplit(|c: char| !(c.is_alphabetic() || matches!(c, '.' | '-' | '\''))).filter(|w| !w.is_empty());
        let last = words.next().unwrap_or_default();
        let mut backwards = 0;
        if last.starts_with(char::is_uppercase) && ends_with_compound_suffix(last) {
            backwards |= COMPOUND;
        }
        if std::iter::once(last).chain(words.take(4)).any(is_southern_street) {
            backwards |= SOUTHERN;
        }
        // The words must also hold a street word as written, found close before the number.
        if backwards != 0 && number_last_words.ends_within(s, number.start.saturating_sub(WINDOW), number.start) {
            shapes |= backwards;
        }
    }
    if text.bytes[number.end..].starts_with("号".as_bytes())
        && ["路", "街", "道"].iter().any(|r| s[..number.start].ends_with(r))
    {
        shapes |= CHINESE;
    }
    shapes
}

/// The bytes after the number at `number` and the letter that may end it ("221B"; a letter,
/// not a word).
pub(super) fn after_number(bytes: &[u8], number: Span) -> &[u8] {
    let mut at = number.end;
    if bytes.get(at).is_some_and(u8::is_ascii_alphabetic) && !bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic) {
        at += 1;
    }
    &bytes[at..]
}

/// Whether an English address may start with the number that `after` follows: its pattern
/// wants a space, one to four words, each followed by a space, and a street type, so the
/// first word (a name or an ordinal: "Baker", "5th") is followed within the window by a space
/// and a capital (a name or the type) or a digit (an ordinal). "482Z INFO request_id" is ruled
/// out before its words are looked up. (A test checks this against the pattern.)
pub(super) fn second_word_may_follow(after: &[u8]) -> bool {
    let first_word = &after[1..after.len().min(WINDOW)];
    first_word
        .iter()
        .position(|&b| b == b' ')
        .is_some_and(|space| first_word.get(space + 1).is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit()))
}

/// The shapes whose house number comes first worth trying after `number`: "221B Baker Street"
/// (English), "12 rue de la Paix", "12, rue …", "7 bis rue …" (French).
fn number_first_shapes(text: &ScanText<'_>, number: Span) -> u8 {
    let bytes = text.bytes;
    let after = after_number(bytes, number);
    // A name ("Baker") or an ordinal ("5th Avenue") may start an English street, a French
    // street type a French one ("12 rue", "12, rue", "7 bis rue"): most numbers are ruled out
    // on the first bytes after them, before the word boundary in front of them is looked at.
    let english = matches!(after, [b' ', next, ..] if next.is_ascii_uppercase() || next.is_ascii_digit());
    let french = matches!(after, [b',', b' ', rest @ ..] | [b' ', rest @ ..] if may_start_french_street(rest));
    if !(english || french) || number.len() > 5 || !text.boundary_before(number.start) {
        return 0;
    }
    let mut shapes = 0;
    // Plain digits after a number are another number (an IBAN's groups, a phone number),
    // never a street.
    let ordinal = || {
        let rest = &after[1..];
        let word = &rest[..rest.iter().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(rest.len())];
        ORDINAL_SUFFIXES.iter().any(|suffix| word.ends_with(suffix.as_bytes()))
    };
    if english
        && (after[1].is_ascii_uppercase() || ordinal())
        && (second_word_may_follow(after) || may_be_inside_english_address(bytes, number))
        && names_english_street(after)
    {
        shapes |= ENGLISH;
    }
    if french {
        let after = after.strip_prefix(b" bis").or_else(|| after.strip_prefix(b" ter")).unwrap_or(after);
        let after = after.strip_prefix(b",").unwrap_or(after);
        if after.strip_prefix(b" ").is_some_and(starts_with_french_street) {
            shapes |= FRENCH;
        }
    }
    shapes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::address::AddressDetector;
    #[test]
    fn every_number_that_a_number_last_shape_holds_follows_a_possible_street_name() {
        let detector = AddressDetector::new();
        let texts = [
            "Hauptstraße 5",
            "x.Hauptstraße 5",
            "KEIZERSGRACHT 12",
            "Klaus-Lindner-Platz 59/2",
            "Calle Mayor, n. 10",
            "Calle Mayor n 10",
            "Calle de la Paz 10 Piso 3",
            "Via Roma 12 Appartamento 4",
            "Vicolo Daniele, 30 Piano 8",
            "Paseo Ñandú 7",
            "Via D’Annunzio 4",
            "Calle de Ávila 3",
        ];
        for text in texts {
            let scan = ScanText::new(text);
            let shapes = [COMPOUND, SOUTHERN].map(|shape| &detector.patterns[shape.trailing_zeros() as usize]);
            let matches: Vec<_> = shapes.iter().flat_map(|pattern| pattern.find_iter(text)).collect();
            assert!(!matches.is_empty(), "{text}");
            for m in matches {
                for group in scan.groups() {
                    let number = group.span;
                    if m.start() <= number.start
                        && number.end <= m.end()
                        && scan.byte_before(number.start) == Some(b' ')
                    {
                        assert!(may_end_street_name(text, number.start - 1), "{text}");
                    }
                }
            }
        }
        // The char by char reading that the byte reading replaced, as a reference.
        let by_chars = |s: &str, space: usize| {
            let before = &s[..space];
            let before = before.strip_suffix(',').unwrap_or(before);
            let mut word = before.len();
            for c in before.chars().rev() {
                if c.is_uppercase() {
                    return true;
                }
                if !(c.is_lowercase() || !c.is_ascii() || matches!(c, '.' | '-' | '\'')) {
                    break;
                }
                word -= c.len_utf8();
            }
            matches!(&before[word..], "n" | "n.")
        };
        let text =
            "x n 1 n. 2 an 3 N 4 éa 5 Éa 6 ªn 7 ñ 8 ß 9 x-y 1 ,n, 2 Ωn 3 d'Ávila 4 ’n 5 ¿n 6 a.b.c 7 Ab, 8 a,,9 \
            Hauptstraßenverzeichnis 1 abcdefghijklmnopq 2 xyzXyzabcdefghijklmn 3 abcdefghijklmn 4 Abcdefghijklmno 5 \
            xabcdefghijklmno 6 éabcdefghijklmn 7 ab:c 8 \n 9 ;n. 1 0n 2 _n 3 \u{7f}n 4 @Z 5 [Z 6 `a 7 {a 8";
        for (space, _) in text.match_indices(' ') {
            assert_eq!(may_end_street_name(text, space), by_chars(text, space), "{}", &text[..space]);
        }
        for text in ["chapter 3", "fixé au 15", "DE89 3704", "= 12"] {
            let number = ScanText::new(text).groups().last().unwrap().span;
            assert!(!may_end_street_name(text, number.start - 1), "{text}");
        }
    }

    #[test]
    fn every_number_with_a_shape_passes_the_bytes_beside_it() {
        let detector = AddressDetector::new();
        let texts = [
            "221B Baker Street, 12, rue de la Paix, 7 bis rue X, 7b, rue Y, Hauptstraße 5, Via Roma, 12",
            "建国路88号 1600 Pennsylvania Avenue NW, 350 5th Avenue, 12-14 Baker Street, x 2024-03-15 a12 b",
            "Calle Mayor, n. 10, 12 March 1985, SSN 536-22-1234, +44 20 7946 0958 DE89 3704 0044 00",
            "5",
            "5 ",
            " 5",
            "5号",
            "-0b7d =3a4 x-7B 12 7b5 Baker Street 7b, rue Y -7B Baker Street 5 12 Baker Street 1 2 rue X 3 4号",
            "Calle Mayor 1 2, Hauptstraße 3 4\n",
        ];
        let mut with_shape = 0;
        for text in texts {
            let scan = ScanText::new(text);
            let mut candidates = Vec::new();
            scan.for_each_candidate(may_have_shape, |i| {
                candidates.push(i);
                i + 1
            });
            for (i, group) in scan.groups().iter().enumerate() {
                if shapes_around(&scan, group.span, &detector.number_last_words) != 0 {
                    with_shape += 1;
                    assert!(candidates.contains(&i), "{text}: {:?}", group.span);
                }
            }
        }
        assert!(with_shape >= 12, "{with_shape}");
    }

    #[test]
    fn the_first_letters_filter_lets_every_street_word_through() {
        for word in words::ENGLISH {
            assert!(names_english_street(format!(" {word} ").as_bytes()), "{word}");
        }
        assert!(!names_english_street(b" INFO request Friday"));
        assert!(words::SOUTHERN.iter().all(|word| is_southern_street(word)));
        assert!(!is_southern_street("Vial") && !is_southern_street("Via."));
    }

    #[test]
    fn the_first_letters_after_a_number_let_every_french_street_type_through() {
        for word in FRENCH_WORDS {
            let capitalised = word[..1].to_uppercase() + &word[1..];
            for form in [word.to_string(), capitalised, word.to_ascii_uppercase()] {
                for number in ["12 ", "12, ", "7 bis ", "7 ter ", "7 bis, ", "7 ter, ", "7b "] {
                    let text = format!("{number}{form} de la Paix");
                    let text = ScanText::new(&text);
                    let shapes = number_first_shapes(&text, text.groups()[0].span);
                    assert_eq!(shapes & FRENCH, FRENCH, "{number}{form}");
                }
            }
        }
    }

    #[test]
    fn street_words_end_near_a_number_where_a_search_from_the_start_finds_them() {
        let words = NumberLastWords::new();
        let searcher = words.0.as_ref().unwrap();
        let texts = [
            "Carreringasse 4, Stradallee 5, Callee, Viale Roma 3 and Via Roma, Hauptstraße 5",
            "Klaus-Lindner-Platz 59/2 in der Ringstraße, Calle Mayor 10",
            "Urbanizaciónweg Cañadaplatz strasseStraße.Via-Viale'Calle str.weg 1",
            "",
            "no street here",
        ];
        for text in texts {
            let ends: Vec<usize> = searcher.find_iter(text).map(|m| m.end()).collect();
            for hi in 0..=text.len() {
                for lo in 0..=hi {
                    let expected = ends.iter().any(|end| (lo..=hi).contains(end));
                    assert_eq!(words.ends_within(text, lo, hi), expected, "{text} {lo}..={hi}");
                }
            }
        }
    }
}
