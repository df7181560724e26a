//! Street addresses: a house number and a street name with a street word ("221B Baker Street",
//! "12 rue de la Paix", "Hauptstraße 5", "Calle Mayor 10", "Via Roma 12", "Keizersgracht 123",
//! "建国路88号"), extended over a following postcode and city. Addresses have no checksum, so
//! these findings carry a lower confidence; a word such as "address" or "lives at" nearby
//! raises it.
//!
//! Every address has a house number, so the detector starts from the shared digit groups: a
//! cheap look at the words right before or after a number (a capitalised word, "rue", a word
//! ending in "straße", "Calle … 10", "路88号") decides which shape to try, and the patterns run
//! only on a small window around that number.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use regex::Regex;

use super::address_words as words;
use super::text::{ceil_char_boundary, floor_char_boundary, ScanText};
use super::{Candidate, Detector, Validation};
use crate::{Kind, Severity, Span};

/// Finds street addresses.
#[derive(Debug)]
pub struct AddressDetector {
    patterns: Vec<Regex>,
    /// The street words of the shapes whose number comes last (`Hauptstraße 5`, `Via Roma 12`).
    number_last_words: NumberLastWords,
    postcode_city: Option<Regex>,
}

/// The address shapes, in [`patterns`] order: English (number, name, street word), French
/// (number, street word, name), German or Dutch compound then number, Spanish or Italian street
/// word, name, number, Chinese road and number.
const ENGLISH: u8 = 1;
const FRENCH: u8 = 2;
const COMPOUND: u8 = 4;
const SOUTHERN: u8 = 8;
const CHINESE: u8 = 16;

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
const CONTEXT_WORDS: &[&str] = &[
    "address",
    "lives at",
    "located at",
    "ship to",
    "deliver to",
    "mail to",
    "adresse",
    "anschrift",
    "wohnhaft",
    "dirección",
    "direccion",
    "domicilio",
    "indirizzo",
    "adres",
    "woonadres",
    "地址",
    "住址",
    "住所",
];

/// The address shapes, as (?x) patterns over a window around a street word, in the order of
/// the shape bits above.
fn patterns() -> Vec<String> {
    let english_types = words::ENGLISH
        .iter()
        .map(|w| if words::ENGLISH_ABBREVIATIONS.contains(w) { format!(r"{w}\.?") } else { (*w).to_string() })
        .collect::<Vec<_>>()
        .join("|");
    let compound = words::COMPOUND_SUFFIXES.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|");
    let southern = words::SOUTHERN.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|");
    let units = words::SOUTHERN_UNITS.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|");
    vec![
        // English: number, one to four capitalised words, a street type, an optional direction
        // and an optional flat or suite.
        format!(
            r"(?x)(?-u:\b)[0-9]{{1,5}}[A-Za-z]?(?:-[0-9]{{1,5}})?\x20
            (?:(?:[A-Z][A-Za-z'’.\-]*|[0-9]{{1,3}}(?:st|nd|rd|th))\x20){{1,4}}
            (?:{english_types})(?-u:\b)
            (?:\x20(?:NW|NE|SW|SE|N|S|E|W)(?-u:\b))?
            (?:,?\x20(?:Apt\.|Suite|Unit|Flat|Ste\.)\x20[0-9]{{1,5}}[A-Za-z]?)?"
        ),
        // French: number, street type, name.
        r"(?x)\b[0-9]{1,4}(?:\x20?(?:bis|ter))?,?\x20
        (?i:rue|avenue|av\.|boulevard|bd|place|allée|allee|chemin|impasse|quai|route|cours)\x20
        (?:(?:de\x20la|de\x20l'|du|des|de|d'|la|le|les|l')\x20?)?
        \p{Lu}[\p{L}'’\-]*(?:\x20(?:de\x20la\x20|du\x20|des\x20|de\x20|d'|la\x20|le\x20)?\p{Lu}[\p{L}'’\-]*){0,3}"
            .to_string(),
        // German and Dutch: a compound street name, then the number (`2`, `12a`, `47-49`, `2/2`).
        format!(r"(?x)\b\p{{Lu}}[\p{{L}}\-]*(?i:{compound})\x20[0-9]{{1,4}}[a-zA-Z]?(?:[-/][0-9]{{1,4}})?\b"),
        // Spanish and Italian: street type, name, optional comma, number.
        format!(
            r"(?x)\b(?:{southern})\x20
            (?:(?:de\x20la|del|de|di|della|dei|delle|dello)\x20)?
            \p{{Lu}}[\p{{L}}'’\-]*(?:\x20\p{{Lu}}[\p{{L}}'’\-]*){{0,3}},?\x20(?:n\.?\x20?)?[0-9]{{1,4}}[a-zA-Z]?\b
            (?:\x20(?:{units})\x20[0-9]{{1,4}}[a-zA-Z]?\b)?"
        ),
        // Chinese: district or city, road, number.
        r"\p{Han}{2,12}(?:路|街|大道)[0-9]{1,5}号".to_string(),
    ]
}

/// What may follow a street: a postcode and a city (US "Springfield, IL 62704", UK "London NW1
/// 6XE", EU "75002 Paris", NL "1015 CS Amsterdam").
const POSTCODE_CITY: &str = r"(?x)\A\x20?,?\x20
    (?:\p{Lu}\p{Ll}+(?:\x20\p{Lu}\p{Ll}+)?,?\x20)?
    (?:[0-9]{5}(?:-[0-9]{4})?|[A-Z]{2}\x20[0-9]{5}(?:-[0-9]{4})?|[A-Z]{1,2}[0-9][A-Z0-9]?\x20[0-9][A-Z]{2}|[0-9]{4}\x20?[A-Z]{2}|[0-9]{4})
    (?:,?\x20\p{Lu}[\p{L}\-]+(?:\x20\p{Lu}[\p{L}\-]+)?(?:\x20\([A-Z]{2}\))?)?";

const WINDOW: usize = 90;

impl AddressDetector {
    /// Compiles the detector.
    pub fn new() -> AddressDetector {
        // The patterns are built from constants and checked by the tests.
        let patterns = patterns().iter().filter_map(|p| Regex::new(p).ok()).collect();
        AddressDetector {
            patterns,
            number_last_words: NumberLastWords::new(),
            postcode_city: Regex::new(POSTCODE_CITY).ok(),
        }
    }
}

/// The street words of the shapes whose number comes last, searched for case-sensitively, each
/// suffix as written at the end of a word, and the common ones capitalised after a hyphen
/// ("Klaus-Lindner-Platz"): several times faster than a case-insensitive search.
///
/// The words are split by whether they start with a lower-case letter, into two searches of
/// at most 32 words (vectorised Teddy searchers twice as fast per byte as one over all the
/// words). No word of one part starts with the first byte of a word of the other, so the
/// leftmost-first match from an offset is the one of the two parts' matches that starts first,
/// and the two searches together find exactly what one search over every word did.
#[derive(Debug)]
struct NumberLastWords {
    lower: Option<AhoCorasick>,
    capitalised: Option<AhoCorasick>,
}

impl NumberLastWords {
    fn new() -> NumberLastWords {
        let words = words::COMPOUND_SUFFIXES.iter().chain(words::CAPITALISED_SUFFIXES).chain(words::SOUTHERN);
        let (lower, capitalised): (Vec<&str>, Vec<&str>) = words.partition(|w| starts_lower_case(w));
        let build = |words: Vec<&str>| AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostFirst).build(words).ok();
        NumberLastWords { lower: build(lower), capitalised: build(capitalised) }
    }

    /// Where the street words end, in text order, as a leftmost-first search over every word
    /// finds them (a match does not overlap the one before it).
    fn ends(&self, text: &str) -> Vec<usize> {
        let (Some(lower), Some(capitalised)) = (&self.lower, &self.capitalised) else { return Vec::new() };
        let next = |searcher: &AhoCorasick, from: usize| searcher.find(Input::new(text).range(from..));
        let (mut next_lower, mut next_capitalised) = (next(lower, 0), next(capitalised, 0));
        let mut ends = Vec::new();
        let mut from = 0;
        loop {
            // A part's next match is looked for again only when it overlaps the match taken.
            if next_lower.is_some_and(|m| m.start() < from) {
                next_lower = next(lower, from);
            }
            if next_capitalised.is_some_and(|m| m.start() < from) {
                next_capitalised = next(capitalised, from);
            }
            let taken = match (next_lower, next_capitalised) {
                (Some(a), Some(b)) => Some(if a.start() < b.start() { a } else { b }),
                (a, b) => a.or(b),
            };
            let Some(m) = taken else { return ends };
            ends.push(m.end());
            from = m.end();
        }
    }
}

/// Whether `word` starts with an ASCII lower-case letter.
fn starts_lower_case(word: &str) -> bool {
    word.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
}

/// Whether one of the five words after a house number is an English street word (those are
/// all capitalised, so a word that is not needs no look-up, nor does one whose first two
/// letters begin no street word: "INFO", "Friday").
fn names_english_street(after: &[u8]) -> bool {
    // Every byte of a non-ASCII char separates words, like the char itself.
    after.split(|b| !b.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).take(5).any(|w| {
        let pair = w[0].is_ascii_uppercase()
            && w.get(1).is_some_and(|&second| ENGLISH_PAIRS[usize::from(w[0] - b'A')] >> second & 1 == 1);
        pair && words::ENGLISH.binary_search_by(|e| e.as_bytes().cmp(w)).is_ok()
    })
}

/// For each capital letter, the second bytes (all ASCII) of the English street words that
/// start with it, one bit each.
static ENGLISH_PAIRS: [u128; 26] = english_pairs();

const fn english_pairs() -> [u128; 26] {
    let mut pairs = [0u128; 26];
    let mut i = 0;
    while i < words::ENGLISH.len() {
        // Every word is capitalised and has a second letter (checked at compile time here).
        let word = words::ENGLISH[i].as_bytes();
        assert!(word[0].is_ascii_uppercase() && word[1].is_ascii());
        pairs[(word[0] - b'A') as usize] |= 1 << word[1];
        i += 1;
    }
    pairs
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

/// The address shapes worth trying around the house number at `number`; `street_word_before`
/// says whether a street word of the shapes whose number comes last ends shortly before it.
fn shapes_around(text: &ScanText<'_>, number: Span, street_word_before: bool) -> u8 {
    let s = text.text;
    let digits = number.len();
    let mut shapes = number_first_shapes(text, number);
    if street_word_before && digits <= 4 && text.byte_before(number.start) == Some(b' ') {
        // Backwards: "Hauptstraße 5", "Calle Mayor 10", "Via Roma, 12".
        let before = &s[..number.start - 1];
        let before = before.strip_suffix(',').unwrap_or(before);
        let mut words =
            before.rsplit(|c: char| !(c.is_alphabetic() || matches!(c, '.' | '-' | '\''))).filter(|w| !w.is_empty());
        let last = words.next().unwrap_or_default();
        let lower = last.to_lowercase();
        if last.starts_with(|c: char| c.is_uppercase()) && words::COMPOUND_SUFFIXES.iter().any(|w| lower.ends_with(w)) {
            shapes |= COMPOUND;
        }
        if std::iter::once(last).chain(words.take(4)).any(|w| words::SOUTHERN.binary_search(&w).is_ok()) {
            shapes |= SOUTHERN;
        }
    }
    if text.bytes[number.end..].starts_with("号".as_bytes())
        && ["路", "街", "道"].iter().any(|r| s[..number.start].ends_with(r))
    {
        shapes |= CHINESE;
    }
    shapes
}

/// The shapes whose house number comes first worth trying after `number`: "221B Baker Street"
/// (English), "12 rue de la Paix", "12, rue …", "7 bis rue …" (French).
fn number_first_shapes(text: &ScanText<'_>, number: Span) -> u8 {
    let bytes = text.bytes;
    // The number may end in a letter ("221B"), not in a word.
    let mut at = number.end;
    if bytes.get(at).is_some_and(u8::is_ascii_alphabetic) && !bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic) {
        at += 1;
    }
    let after = &bytes[at..];
    // A name ("Baker") or an ordinal ("5th Avenue") may start an English street, a French
    // street type a French one ("12 rue", "12, rue", "7 bis rue"): most numbers are ruled out
    // on the first bytes after them, before the word boundary in front of them is looked at.
    let english =
        after.first() == Some(&b' ') && after.get(1).is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let french = after.strip_prefix(b", ").or_else(|| after.strip_prefix(b" ")).is_some_and(may_start_french_street);
    if !(english || french) || number.len() > 5 || !text.boundary_before(number.start) {
        return 0;
    }
    let mut shapes = 0;
    // Plain digits after a number are another number (an IBAN's groups, a phone number),
    // never a street.
    let ordinal = || {
        let rest = &after[1..];
        let word = &rest[..rest.iter().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(rest.len())];
        [&b"st"[..], b"nd", b"rd", b"th"].iter().any(|suffix| word.ends_with(suffix))
    };
    if english && (after[1].is_ascii_uppercase() || ordinal()) && names_english_street(after) {
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

impl Default for AddressDetector {
    fn default() -> Self {
        AddressDetector::new()
    }
}

impl Detector for AddressDetector {
    fn id(&self) -> &'static str {
        "address"
    }

    fn label(&self) -> &'static str {
        "Postal addresses"
    }

    fn detect(&self, text: &ScanText<'_>, out: &mut Vec<Candidate>) {
        let s = text.text;
        let mut covered = 0;
        let mut found: Vec<Span> = Vec::new();
        // Where the street words of the number-last shapes end, found in one pass, so that
        // the words before a number are looked at only when one of them is close.
        let street_word_ends = self.number_last_words.ends(s);
        let mut next_word = 0;
        for group in text.groups() {
            let number = group.span;
            while next_word < street_word_ends.len() && street_word_ends[next_word] + WINDOW < number.start {
                next_word += 1;
            }
            let street_word_before = street_word_ends.get(next_word).is_some_and(|&end| end <= number.start);
            if number.start < covered {
                continue;
            }
            let shapes = shapes_around(text, number, street_word_before);
            if shapes == 0 {
                continue;
            }
            let from = floor_char_boundary(s, number.start.saturating_sub(WINDOW));
            let to = ceil_char_boundary(s, number.end + WINDOW);
            let window = &s[from..to];
            for (index, pattern) in self.patterns.iter().enumerate() {
                if shapes & (1 << index) == 0 {
                    continue;
                }
                for m in pattern.find_iter(window) {
                    let (start, end) = (from + m.start(), from + m.end());
                    let holds_number = start <= number.start && number.end <= end;
                    // Addresses are found in text order, each ending after the one before (a
                    // number inside one is skipped), so only the last one found can overlap.
                    if holds_number && !found.last().is_some_and(|f| f.overlaps(&Span::new(start, end))) {
                        let end = self.extend_over_postcode(s, end);
                        found.push(Span::new(start, end));
                        covered = covered.max(end);
                    }
                }
            }
        }
        for span in found {
            let context = text.context_around(span.start, span.end, 40, CONTEXT_WORDS);
            out.push(Candidate::builtin(
                Kind::Address,
                "address",
                "Street address",
                span,
                if context { 0.85 } else { 0.7 },
                Severity::Medium,
                Validation::Context,
            ));
        }
    }
}

impl AddressDetector {
    fn extend_over_postcode(&self, s: &str, end: usize) -> usize {
        let Some(postcode_city) = &self.postcode_city else { return end };
        let window = &s[end..ceil_char_boundary(s, end + 60)];
        postcode_city.find(window).map_or(end, |m| end + m.end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        AddressDetector::new().detect(&ScanText::new(text), &mut out);
        out.iter().map(|c| &text[c.bytes.start..c.bytes.end]).collect()
    }

    #[test]
    fn the_first_letters_filter_lets_every_english_street_word_through() {
        for word in words::ENGLISH {
            assert!(names_english_street(format!(" {word} ").as_bytes()), "{word}");
        }
        assert!(!names_english_street(b" INFO request Friday"));
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
    fn every_pattern_compiles() {
        let detector = AddressDetector::new();
        assert_eq!(detector.patterns.len(), patterns().len());
        assert!(detector.postcode_city.is_some());
        assert!(detector.number_last_words.lower.is_some() && detector.number_last_words.capitalised.is_some());
    }

    #[test]
    fn street_words_end_where_one_search_over_every_word_ends() {
        let words: Vec<&str> = words::COMPOUND_SUFFIXES
            .iter()
            .chain(words::CAPITALISED_SUFFIXES)
            .chain(words::SOUTHERN)
            .copied()
            .collect();
        let one = AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostFirst).build(&words).unwrap();
        let parts = NumberLastWords::new();
        let texts = [
            "Carreringasse 4, Stradallee 5, Callee, Viale Roma 3 and Via Roma, Hauptstraße 5",
            "Klaus-Lindner-Platz 59/2 in der Ringstraße, Calle Mayor 10",
            "",
            "no street here",
        ];
        for text in texts {
            let expected: Vec<usize> = one.find_iter(text).map(|m| m.end()).collect();
            assert_eq!(parts.ends(text), expected, "{text}");
        }
    }

    #[test]
    fn finds_addresses_in_several_countries() {
        assert_eq!(found("ship to 221B Baker Street, London NW1 6XE please"), ["221B Baker Street, London NW1 6XE"]);
        assert_eq!(found("at 1600 Pennsylvania Avenue NW today"), ["1600 Pennsylvania Avenue NW"]);
        assert_eq!(found("at 350 5th Avenue, New York, NY 10118"), ["350 5th Avenue, New York, NY 10118"]);
        assert_eq!(
            found("742 Evergreen Terrace, Springfield, IL 62704."),
            ["742 Evergreen Terrace, Springfield, IL 62704"]
        );
        assert_eq!(found("au 12 rue de la Paix, 75002 Paris."), ["12 rue de la Paix, 75002 Paris"]);
        assert_eq!(found("Anschrift: Hauptstraße 5, 10115 Berlin"), ["Hauptstraße 5, 10115 Berlin"]);
        assert_eq!(found("Keizersgracht 123, 1015 CS Amsterdam"), ["Keizersgracht 123, 1015 CS Amsterdam"]);
        assert_eq!(found("en Calle Mayor 10, 28013 Madrid"), ["Calle Mayor 10, 28013 Madrid"]);
        assert_eq!(found("in Via Roma 12"), ["Via Roma 12"]);
        assert_eq!(found("地址：北京市朝阳区建国路88号"), ["北京市朝阳区建国路88号"]);
    }

    #[test]
    fn finds_postal_suffixes_units_and_capitalised_compounds() {
        assert_eq!(
            found("to 6507 Jackson Crossing Suite 034, Lake John, MO 65579."),
            ["6507 Jackson Crossing Suite 034, Lake John, MO 65579"]
        );
        assert_eq!(
            found("in der Klaus-Lindner-Platz 59/2, 19935 Pößneck."),
            ["Klaus-Lindner-Platz 59/2, 19935 Pößneck"]
        );
        assert_eq!(
            found("in Vicolo Daniele, 30 Piano 8, 84027, Salerno (SA)."),
            ["Vicolo Daniele, 30 Piano 8, 84027, Salerno (SA)"]
        );
        assert_eq!(found("op Hannahbaan 8, 9590NC, Colmschate."), ["Hannahbaan 8, 9590NC, Colmschate"]);
    }

    #[test]
    fn ignores_street_words_without_an_address_shape() {
        for text in
            ["the road ahead", "Way 2 go", "we had 3 Street Fighter games", "route 66 is long", "see chapter 12 of Rue"]
        {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
