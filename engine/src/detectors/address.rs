//! Street addresses: a house number and a street name with a street word ("221B Baker Street",
//! "12 rue de la Paix", "Hauptstraße 5", "Calle Mayor 10", "Via Roma 12", "Keizersgracht 123",
//! "建国路88号"), extended over a following postcode and city. Addresses have no checksum, so
//! these findings carry a lower confidence; a word such as "address" or "lives at" nearby
//! raises it.
//!
//! Street words are found in one Aho-Corasick pass; the patterns run only on a small window
//! around each street word, so text without any costs one pass.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use super::text::{ceil_char_boundary, floor_char_boundary, ScanText};
use super::{Candidate, Detector, Validation};
use crate::{Kind, Severity, Span};

/// Finds street addresses.
#[derive(Debug)]
pub struct AddressDetector {
    street_words: Option<AhoCorasick>,
    patterns: Vec<Regex>,
    postcode_city: Option<Regex>,
}

/// Street words, each with the shapes it appears in: English suffix (`Baker Street`), French
/// prefix after the number (`12 rue …`), German or Dutch compound (`Hauptstraße 5`), Spanish or
/// Italian prefix before the number (`Calle Mayor 10`), Chinese road (`建国路88号`).
const ENGLISH: u8 = 1;
const FRENCH: u8 = 2;
const COMPOUND: u8 = 4;
const SOUTHERN: u8 = 8;
const CHINESE: u8 = 16;

#[rustfmt::skip]
const STREET_WORDS: &[(&str, u8)] = &[
    ("street", ENGLISH), ("st", ENGLISH), ("avenue", ENGLISH | FRENCH), ("ave", ENGLISH), ("road", ENGLISH),
    ("rd", ENGLISH), ("lane", ENGLISH), ("ln", ENGLISH), ("drive", ENGLISH), ("dr", ENGLISH),
    ("boulevard", ENGLISH | FRENCH), ("blvd", ENGLISH), ("court", ENGLISH), ("ct", ENGLISH),
    ("place", ENGLISH | FRENCH), ("pl", ENGLISH), ("way", ENGLISH), ("terrace", ENGLISH), ("square", ENGLISH),
    ("sq", ENGLISH), ("parkway", ENGLISH), ("pkwy", ENGLISH), ("highway", ENGLISH), ("hwy", ENGLISH),
    ("close", ENGLISH), ("crescent", ENGLISH), ("mews", ENGLISH), ("row", ENGLISH),
    ("rue", FRENCH), ("av", FRENCH | SOUTHERN), ("bd", FRENCH), ("allée", FRENCH), ("allee", FRENCH | COMPOUND),
    ("chemin", FRENCH), ("impasse", FRENCH), ("quai", FRENCH), ("route", FRENCH), ("cours", FRENCH),
    ("straße", COMPOUND), ("strasse", COMPOUND), ("str", COMPOUND), ("weg", COMPOUND), ("platz", COMPOUND),
    ("gasse", COMPOUND), ("ring", COMPOUND), ("damm", COMPOUND), ("straat", COMPOUND), ("laan", COMPOUND),
    ("gracht", COMPOUND), ("plein", COMPOUND), ("kade", COMPOUND),
    ("calle", SOUTHERN), ("avenida", SOUTHERN), ("plaza", SOUTHERN), ("paseo", SOUTHERN), ("carrer", SOUTHERN),
    ("via", SOUTHERN), ("viale", SOUTHERN), ("piazza", SOUTHERN), ("corso", SOUTHERN), ("largo", SOUTHERN),
    ("路", CHINESE), ("街", CHINESE), ("大道", CHINESE),
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

/// The address shapes, as (?x) patterns over a window around a street word.
const PATTERNS: &[&str] = &[
    // English: number, one to four capitalised words, a street type, an optional direction.
    r"(?x)\b[0-9]{1,5}[A-Za-z]?(?:-[0-9]{1,5})?\x20
        (?:(?:[A-Z][A-Za-z'’.\-]*|[0-9]{1,3}(?:st|nd|rd|th))\x20){1,4}
        (?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Lane|Ln\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Court|Ct\.?|Place|Pl\.?
          |Way|Terrace|Square|Sq\.?|Parkway|Pkwy\.?|Highway|Hwy\.?|Close|Crescent|Mews|Row)\b
        (?:\x20(?:NW|NE|SW|SE|N|S|E|W)\b)?",
    // French: number, street type, name.
    r"(?x)\b[0-9]{1,4}(?:\x20?(?:bis|ter))?,?\x20
        (?i:rue|avenue|av\.|boulevard|bd|place|allée|allee|chemin|impasse|quai|route|cours)\x20
        (?:(?:de\x20la|de\x20l'|du|des|de|d'|la|le|les|l')\x20?)?
        \p{Lu}[\p{L}'’\-]*(?:\x20(?:de\x20la\x20|du\x20|des\x20|de\x20|d'|la\x20|le\x20)?\p{Lu}[\p{L}'’\-]*){0,3}",
    // German and Dutch: a compound street name, then the number.
    r"(?x)\b\p{Lu}[\p{L}\-]*(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|straat|laan|gracht|plein|kade)
        \x20[0-9]{1,4}[a-zA-Z]?\b",
    // Spanish and Italian: street type, name, optional comma, number.
    r"(?x)\b(?:Calle|Avenida|Av\.|Plaza|Paseo|Carrer|Via|Viale|Piazza|Corso|Largo)\x20
        (?:(?:de\x20la|del|de|di|della|dei|delle|dello)\x20)?
        \p{Lu}[\p{L}'’\-]*(?:\x20\p{Lu}[\p{L}'’\-]*){0,3},?\x20(?:n\.?\x20?)?[0-9]{1,4}[a-zA-Z]?\b",
    // Chinese: district or city, road, number.
    r"\p{Han}{2,12}(?:路|街|大道)[0-9]{1,5}号",
];

/// What may follow a street: a postcode and a city (US "Springfield, IL 62704", UK "London NW1
/// 6XE", EU "75002 Paris", NL "1015 CS Amsterdam").
const POSTCODE_CITY: &str = r"(?x)\A,?\x20
    (?:\p{Lu}\p{Ll}+(?:\x20\p{Lu}\p{Ll}+)?,?\x20)?
    (?:[0-9]{5}(?:-[0-9]{4})?|[A-Z]{2}\x20[0-9]{5}(?:-[0-9]{4})?|[A-Z]{1,2}[0-9][A-Z0-9]?\x20[0-9][A-Z]{2}|[0-9]{4}\x20?[A-Z]{2}|[0-9]{4})
    (?:\x20\p{Lu}[\p{L}\-]+(?:\x20\p{Lu}[\p{L}\-]+)?)?";

const WINDOW: usize = 90;

impl AddressDetector {
    /// Compiles the detector.
    pub fn new() -> AddressDetector {
        let words: Vec<&str> = STREET_WORDS.iter().map(|(w, _)| *w).collect();
        let street_words = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(words)
            .ok();
        // The patterns are constants checked by the tests.
        let patterns = PATTERNS.iter().filter_map(|p| Regex::new(p).ok()).collect();
        AddressDetector { street_words, patterns, postcode_city: Regex::new(POSTCODE_CITY).ok() }
    }

    /// The address shapes worth trying for the street word at `start..end`: a cheap look at
    /// the word's case, its boundaries and the digits around it rules out most words in prose.
    fn families(text: &ScanText<'_>, start: usize, end: usize, families: u8) -> u8 {
        let bytes = text.bytes;
        let capitalised = bytes[start].is_ascii_uppercase();
        let whole_word = text.boundary_before(start) && text.boundary_after(end);
        let digit_within =
            |from: usize, to: usize| bytes[from.min(bytes.len())..to.min(bytes.len())].iter().any(u8::is_ascii_digit);
        let mut keep = 0;
        if families & ENGLISH != 0 && capitalised && whole_word && digit_within(start.saturating_sub(60), start) {
            keep |= ENGLISH;
        }
        if families & FRENCH != 0 && whole_word && digit_within(start.saturating_sub(12), start) {
            keep |= FRENCH;
        }
        let ends_word = text.boundary_after(end) || bytes.get(end) == Some(&b'.');
        if families & COMPOUND != 0 && ends_word && digit_within(end, end + 4) {
            keep |= COMPOUND;
        }
        if families & SOUTHERN != 0 && capitalised && whole_word && digit_within(end, end + 60) {
            keep |= SOUTHERN;
        }
        if families & CHINESE != 0 && (digit_within(end, end + 1) || digit_within(start.saturating_sub(1), start)) {
            keep |= CHINESE;
        }
        keep
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

    fn detect(&self, text: &ScanText<'_>, out: &mut Vec<Candidate>) {
        let Some(street_words) = &self.street_words else { return };
        let s = text.text;
        let mut covered = 0;
        let mut found: Vec<Span> = Vec::new();
        for hit in street_words.find_iter(s) {
            if hit.start() < covered {
                continue;
            }
            let families = Self::families(text, hit.start(), hit.end(), STREET_WORDS[hit.pattern().as_usize()].1);
            if families == 0 {
                continue;
            }
            let from = floor_char_boundary(s, hit.start().saturating_sub(WINDOW));
            let to = ceil_char_boundary(s, hit.end() + WINDOW);
            let window = &s[from..to];
            for (index, pattern) in self.patterns.iter().enumerate() {
                if families & (1 << index) == 0 {
                    continue;
                }
                for m in pattern.find_iter(window) {
                    let (start, end) = (from + m.start(), from + m.end());
                    if start <= hit.start()
                        && hit.end() <= end + 1
                        && !found.iter().any(|f| f.overlaps(&Span::new(start, end)))
                    {
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
    fn every_pattern_compiles() {
        let detector = AddressDetector::new();
        assert_eq!(detector.patterns.len(), PATTERNS.len());
        assert!(detector.postcode_city.is_some() && detector.street_words.is_some());
    }

    #[test]
    fn finds_addresses_in_several_countries() {
        assert_eq!(found("ship to 221B Baker Street, London NW1 6XE please"), ["221B Baker Street, London NW1 6XE"]);
        assert_eq!(found("at 1600 Pennsylvania Avenue NW today"), ["1600 Pennsylvania Avenue NW"]);
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
    fn ignores_street_words_without_an_address_shape() {
        for text in
            ["the road ahead", "Way 2 go", "we had 3 Street Fighter games", "route 66 is long", "see chapter 12 of Rue"]
        {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
