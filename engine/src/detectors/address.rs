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

use regex::Regex;

mod shapes;

use super::address_words as words;
use super::text::{ceil_char_boundary, floor_char_boundary, ScanText};
use super::{Candidate, Detector, Validation};
use crate::{Kind, Severity, Span};

/// Finds street addresses.
#[derive(Debug)]
pub struct AddressDetector {
    patterns: Vec<Regex>,
    /// The English pattern anchored at the start of its haystack (see
    /// [`AddressDetector::english_address`]).
    english_at_number: Option<Regex>,
    /// The street words of the shapes whose number comes last (`Hauptstraße 5`, `Via Roma 12`).
    number_last_words: shapes::NumberLastWords,
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

/// The endings of an ordinal in an English street name ("5th Avenue").
const ORDINAL_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// The flats and suites that may end an English address, before their number.
const ENGLISH_UNITS: &[&str] = &["Apt.", "Suite", "Unit", "Flat", "Ste."];

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
    let ordinals = ORDINAL_SUFFIXES.join("|");
    let english_units = ENGLISH_UNITS.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|");
    vec![
        // English: number, one to four capitalised words, a street type, an optional direction
        // and an optional flat or suite.
        format!(
            r"(?x)(?-u:\b)[0-9]{{1,5}}[A-Za-z]?(?:-[0-9]{{1,5}})?\x20
            (?:(?:[A-Z][A-Za-z'’.\-]*|[0-9]{{1,3}}(?:{ordinals}))\x20){{1,4}}
            (?:{english_types})(?-u:\b)
            (?:\x20(?:NW|NE|SW|SE|N|S|E|W)(?-u:\b))?
            (?:,?\x20(?:{english_units})\x20[0-9]{{1,5}}[A-Za-z]?)?"
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
        let patterns = patterns();
        let english_at_number = Regex::new(&format!(r"\A{}", patterns[ENGLISH.trailing_zeros() as usize])).ok();
        AddressDetector {
            patterns: patterns.iter().filter_map(|p| Regex::new(p).ok()).collect(),
            english_at_number,
            number_last_words: shapes::NumberLastWords::new(),
            postcode_city: Regex::new(POSTCODE_CITY).ok(),
        }
    }
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
        let mut found: Vec<Span> = Vec::new();
        let groups = text.groups();
        text.for_each_candidate(shapes::may_have_shape, |i| {
            // Addresses are found in text order, so a number inside the last one is skipped.
            let number = groups[i].span;
            if number.start >= found.last().map_or(0, |f| f.end) {
                let shapes = shapes::shapes_around(text, number, &self.number_last_words);
                if shapes != 0 {
                    self.addresses_at(text, number, shapes, &mut found);
                }
            }
            i + 1
        });
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

/// The first match of `pattern` in `window` (which starts at `from`) that ends after the
/// number's start, as offsets in the text. Matches do not overlap, so that is the only one that
/// can hold the number: the window is searched no further.
fn first_match_over(pattern: &Regex, window: &str, from: usize, number: Span) -> Option<(usize, usize)> {
    let m = pattern.find_iter(window).find(|m| from + m.end() > number.start)?;
    Some((from + m.start(), from + m.end()))
}

/// Whether the digits at `number` may stand inside an English address that starts before them:
/// a digit follows a non-digit in that pattern only where its house number starts, after the
/// `-` of a range ("12-14"), in an ordinal ("5th") and in a flat's number ("Suite 4").
fn may_be_inside_english_address(bytes: &[u8], number: Span) -> bool {
    let before = &bytes[..number.start];
    before.ends_with(b"-")
        || ORDINAL_SUFFIXES.iter().any(|o| bytes[number.end..].starts_with(o.as_bytes()))
        || before.strip_suffix(b" ").is_some_and(|b| ENGLISH_UNITS.iter().any(|u| b.ends_with(u.as_bytes())))
}

impl AddressDetector {
    /// Adds to `found` the addresses of `shapes` that hold the number at `number`.
    fn addresses_at(&self, text: &ScanText<'_>, number: Span, shapes: u8, found: &mut Vec<Span>) {
        let s = text.text;
        let from = floor_char_boundary(s, number.start.saturating_sub(WINDOW));
        let to = ceil_char_boundary(s, number.end + WINDOW);
        let window = &s[from..to];
        for (index, pattern) in self.patterns.iter().enumerate() {
            if shapes & (1 << index) == 0 {
                continue;
            }
            let found_here = if index == ENGLISH.trailing_zeros() as usize {
                self.english_address(text, number, from, to)
            } else {
                first_match_over(pattern, window, from, number)
            };
            let Some((start, end)) = found_here else { continue };
            let holds_number = start <= number.start && number.end <= end;
            // Addresses are found in text order, each ending after the one before (a number
            // inside one is skipped), so only the last one found can overlap.
            if holds_number && !found.last().is_some_and(|f| f.overlaps(&Span::new(start, end))) {
                found.push(Span::new(start, self.extend_over_postcode(s, end)));
            }
        }
    }

    /// The first English match in the window `from..to` that ends after the number's start.
    /// Unless that match may have started before the number, it starts at the number or holds
    /// nothing of it, so one search anchored at the number finds what a search of the whole
    /// window would have (at the number, `\b` holds: the shape saw a boundary before it).
    fn english_address(&self, text: &ScanText<'_>, number: Span, from: usize, to: usize) -> Option<(usize, usize)> {
        let english = &self.patterns[ENGLISH.trailing_zeros() as usize];
        match &self.english_at_number {
            Some(anchored) if !may_be_inside_english_address(text.bytes, number) => {
                let m = anchored.find(&text.text[number.start..to])?;
                Some((number.start, number.start + m.end()))
            }
            _ => first_match_over(english, &text.text[from..to], from, number),
        }
    }

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
    fn every_pattern_compiles() {
        let detector = AddressDetector::new();
        assert_eq!(detector.patterns.len(), patterns().len());
        assert!(detector.postcode_city.is_some());
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
    fn an_english_search_at_the_number_finds_what_the_window_search_finds() {
        let detector = AddressDetector::new();
        let english = &detector.patterns[ENGLISH.trailing_zeros() as usize];
        let fragments = [
            "12 ", "221B ", "5 ", "350 ", "7b ", "1-3 ", "12-", "5th ", "21st ", " ", ", ", "\n", "Baker ", "Main ",
            "O'Neil ", "St. ", "Street ", "Street", "Avenue ", "Road, ", "Suite ", "Apt. ", "Unit ", "Ste. ", "NW ",
            "E ", "x", "é ", "’", "at ", "B", "th ", "4",
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let (mut anchored, mut with_address) = (0, 0);
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..16 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(fragments[(state % fragments.len() as u64) as usize]);
            }
            let scan = ScanText::new(&text);
            for group in scan.groups() {
                let number = group.span;
                if shapes::shapes_around(&scan, number, &detector.number_last_words) & ENGLISH == 0 {
                    continue;
                }
                let from = floor_char_boundary(&text, number.start.saturating_sub(WINDOW));
                let to = ceil_char_boundary(&text, number.end + WINDOW);
                // Only a match that holds the number counts (a later one is passed over).
                let holds = |&(start, end): &(usize, usize)| start <= number.start && number.end <= end;
                let expected = first_match_over(english, &text[from..to], from, number).filter(holds);
                let got = detector.english_address(&scan, number, from, to).filter(holds);
                assert_eq!(got, expected, "{text:?} {number:?}");
                anchored += usize::from(!may_be_inside_english_address(scan.bytes, number));
                with_address += usize::from(expected.is_some());
            }
            // Every number an English address starts with is followed by a second word.
            for group in scan.groups() {
                if detector.english_at_number.as_ref().is_some_and(|p| p.is_match(&text[group.span.start..])) {
                    assert!(shapes::second_word_may_follow(shapes::after_number(scan.bytes, group.span)), "{text:?}");
                }
            }
        }
        assert!(anchored > 1_000 && with_address > 1_000, "{anchored} {with_address}");
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
