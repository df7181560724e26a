//! The name gazetteer: given names, surnames, Chinese surnames and given-name characters, and
//! the common words and places that a capitalised word may also be. It is data, loaded at run
//! time from the asset `engine/data/names/names.bin` (written by `generate.py` beside it from
//! the Faker package's locale lists), so that the engine's start-up in the browser does not pay
//! for it: the extension's background reads the file once and hands the bytes over.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxBuildHasher;

use crate::dictionary::fold;

/// The first line of every gazetteer file.
const MAGIC: &[u8] = b"HUSHNAMES1\n";

/// The sections of a gazetteer file, in the order they are written.
const SECTIONS: [&str; 6] = ["given", "surnames", "cjk_surnames", "cjk_given", "common_words", "places"];

/// Why a gazetteer file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GazetteerError {
    /// The bytes do not start with the gazetteer's magic line: not a gazetteer, or a newer format.
    #[error("not a Hush name gazetteer (or a newer format): rebuild the extension")]
    NotAGazetteer,
    /// A section is missing, out of order or cut short.
    #[error("the name gazetteer is damaged (section {section}): rebuild the extension")]
    Damaged {
        /// The section that could not be read.
        section: &'static str,
    },
}

/// Every list the PERSON detector looks words up in, folded (case and accents do not matter).
#[derive(Debug, Clone, Default)]
pub struct NameGazetteer {
    /// Every given name, surname, common word and place, with what it is: one lookup per word.
    /// Hashed with FxHash: every capitalised run in a text is looked up here, and SipHash (built to
    /// resist chosen keys, which these are not) cost more than the lookups themselves.
    latin: HashMap<Box<str>, WordKinds, FxBuildHasher>,
    /// The number of given names plus the number of surnames.
    names: usize,
    cjk_surnames: HashSet<String, FxBuildHasher>,
    cjk_given: HashSet<char, FxBuildHasher>,
}

/// What the gazetteer says of one folded word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct WordKinds {
    /// A given name.
    pub given: bool,
    /// A surname.
    pub surname: bool,
    /// Also a common word or a place ("Rose", "Paris", "May"): a name only with more evidence.
    pub ambiguous: bool,
}

impl WordKinds {
    /// Whether the word is a given name or a surname.
    pub fn name(self) -> bool {
        self.given || self.surname
    }
}

impl NameGazetteer {
    /// Reads a gazetteer file (see `engine/data/names/generate.py` for its format).
    ///
    /// # Errors
    /// A [`GazetteerError`] when the bytes are not a gazetteer or are damaged.
    pub fn from_bytes(bytes: &[u8]) -> Result<NameGazetteer, GazetteerError> {
        let mut rest = bytes.strip_prefix(MAGIC).ok_or(GazetteerError::NotAGazetteer)?;
        let mut lists: Vec<Vec<&str>> = Vec::with_capacity(SECTIONS.len());
        for section in SECTIONS {
            let damaged = GazetteerError::Damaged { section };
            let header_end = rest.iter().position(|&b| b == b'\n').ok_or(damaged.clone())?;
            let header = std::str::from_utf8(&rest[..header_end]).map_err(|_| damaged.clone())?;
            let length: usize = header
                .strip_prefix(section)
                .and_then(|l| l.strip_prefix(' '))
                .and_then(|l| l.parse().ok())
                .ok_or(damaged.clone())?;
            let body = rest.get(header_end + 1..header_end + 1 + length).ok_or(damaged.clone())?;
            let body = std::str::from_utf8(body).map_err(|_| damaged)?;
            lists.push(body.lines().filter(|l| !l.is_empty()).collect());
            rest = &rest[header_end + 1 + length..];
        }
        // Common words and places make a word ambiguous, whichever list holds it.
        type Mark = fn(&mut WordKinds);
        let marks: [(usize, Mark); 4] = [
            (0, |k| k.given = true),
            (1, |k| k.surname = true),
            (4, |k| k.ambiguous = true),
            (5, |k| k.ambiguous = true),
        ];
        let words = marks.iter().map(|&(list, _)| lists[list].len()).sum();
        // Built in place at its final size: a second copy or a growing table would stay in the
        // allocator's hands after loading.
        let mut latin: HashMap<Box<str>, WordKinds, FxBuildHasher> =
            HashMap::with_capacity_and_hasher(words, FxBuildHasher);
        for (list, mark) in marks {
            for word in &lists[list] {
                mark(latin.entry(fold_word(word).into_boxed_str()).or_default());
            }
        }
        let names = latin.values().map(|k| usize::from(k.given) + usize::from(k.surname)).sum();
        Ok(NameGazetteer {
            latin,
            names,
            cjk_surnames: lists[2].iter().map(|e| e.to_string()).collect(),
            cjk_given: lists[3].iter().flat_map(|e| e.chars()).collect(),
        })
    }

    /// What `word` (folded) is: a given name, a surname, a common word or a place, in one lookup.
    pub(crate) fn kinds(&self, word: &str) -> WordKinds {
        self.latin.get(word).copied().unwrap_or_default()
    }

    /// Whether `word` (folded) is a given name.
    pub fn is_given(&self, word: &str) -> bool {
        self.kinds(word).given
    }

    /// Whether `word` (folded) is a surname.
    pub fn is_surname(&self, word: &str) -> bool {
        self.kinds(word).surname
    }

    /// Whether `word` (folded) is also a common word or a place, so that it is a name only with
    /// more evidence ("Rose", "Paris", "May").
    pub fn is_ambiguous(&self, word: &str) -> bool {
        self.kinds(word).ambiguous
    }

    /// Whether `surname` is a common Chinese surname (one character or two, as 欧阳).
    pub fn is_cjk_surname(&self, surname: &str) -> bool {
        self.cjk_surnames.contains(surname)
    }

    /// Whether `c` is common in Chinese given names.
    pub fn is_cjk_given(&self, c: char) -> bool {
        self.cjk_given.contains(&c)
    }

    /// Number of given names and surnames.
    pub fn len(&self) -> usize {
        self.names
    }

    /// Whether the gazetteer holds no name.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The gazetteer shipped with the extension, for tests.
#[cfg(test)]
pub(crate) fn shipped() -> NameGazetteer {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/data/names/names.bin")).expect("names.bin");
    NameGazetteer::from_bytes(&bytes).expect("names.bin is a gazetteer")
}

/// A word as the gazetteer holds it: folded like dictionary terms (lower case, no accents).
pub fn fold_word(word: &str) -> String {
    fold(word).into_text()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(sections: &[(&str, &str)]) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        for (name, body) in sections {
            out.extend_from_slice(format!("{name} {}\n{body}", body.len()).as_bytes());
        }
        out
    }

    #[test]
    fn reads_every_section_folded() {
        let bytes = file(&[
            ("given", "Zoë\nJosé\n"),
            ("surnames", "Müller\n"),
            ("cjk_surnames", "王\n欧阳\n"),
            ("cjk_given", "伟\n"),
            ("common_words", "rose\n"),
            ("places", "Paris\n"),
        ]);
        let g = NameGazetteer::from_bytes(&bytes).unwrap();
        assert!(g.is_given("zoe") && g.is_given("jose") && g.is_surname("muller"));
        assert!(g.is_cjk_surname("欧阳") && g.is_cjk_given('伟'));
        assert!(g.is_ambiguous("paris") && g.is_ambiguous("rose") && !g.is_ambiguous("jose"));
        assert_eq!(g.len(), 3);
    }

    #[test]
    fn refuses_other_files_and_damaged_ones() {
        assert_eq!(NameGazetteer::from_bytes(b"PK\x03\x04").unwrap_err(), GazetteerError::NotAGazetteer);
        let cut = file(&[("given", "Zoë\n"), ("surnames", "Mü")]);
        assert_eq!(
            NameGazetteer::from_bytes(&cut[..cut.len() - 1]).unwrap_err(),
            GazetteerError::Damaged { section: "surnames" }
        );
    }

    #[test]
    fn reads_the_shipped_asset() {
        let g = shipped();
        assert!(g.is_given("jean") && g.is_surname("schmidt") && g.is_cjk_surname("王"));
        assert!(g.len() > 5000);
    }
}
