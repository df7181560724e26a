//! Names of people written in Latin script: runs of capitalised words ("Anna Schmidt", "Jan
//! van der Berg", "O'Brien") judged by the gazetteer and by what comes right before them.
//!
//! - After a title ("Dr. Okafor", "Mme Dubois") the run is a name whatever its words are.
//! - After a salutation, a form field or a closing ("Dear Anna", "Name: Jan Visser", a signature)
//!   a name is expected: one known given name or surname is enough, or two capitalised words
//!   that are not common words or places.
//! - With nothing before it, a run is a name only as a known given name followed by a known
//!   surname, and a given name that is also a common word or a place ("May", "Paris") is not
//!   enough: more evidence is needed.

use std::borrow::Cow;

use super::context::{evidence_before, is_closing, is_context_word, Evidence};
use super::gazetteer::{fold_word, NameGazetteer, WordKinds};
use crate::byte_flags::{self, Lanes};
use crate::Span;

/// At most this many words make a name.
const MAX_WORDS: usize = 4;
/// Lower-case words that join the parts of a surname ("van der", "de la", "di").
const PARTICLES: &[&str] =
    &["de", "del", "della", "der", "den", "van", "von", "di", "da", "du", "la", "le", "ter", "dos", "das", "zu"];

/// The length of the longest particle.
const LONGEST_PARTICLE: usize = 5;

/// One capitalised word.
#[derive(Debug, Clone, Copy)]
struct Word {
    span: Span,
}

/// A run of capitalised words, kept on the stack (there is one per capital in a text).
#[derive(Debug, Clone, Copy)]
struct Run {
    words: [Word; MAX_WORDS],
    len: usize,
}

impl Run {
    fn words(&self) -> &[Word] {
        &self.words[..self.len]
    }
}

/// A name found, with how sure the detector is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PersonMatch {
    /// Byte span of the name.
    pub span: Span,
    /// From 0 to 1.
    pub confidence: f32,
}

/// Appends every Latin-script name in `text` to `out`.
pub fn latin_names(text: &str, gazetteer: &NameGazetteer, out: &mut Vec<PersonMatch>) {
    // Where the last run looked at ended: capitals inside it are not looked at again.
    let mut next = 0;
    for_each_capital_start(text.as_bytes(), |at| {
        if at < next || !starts_word(text, at) {
            return;
        }
        let run = run_at(text, at);
        let words = run.words();
        let Some(first) = words.first() else { return };
        // "Dear Anna", "Dr Okafor": the first word is the evidence for the rest (a lone word is
        // no name without evidence, whatever it is).
        if words.len() > 1 && is_context_word(&text[first.span.start..first.span.end]) {
            next = first.span.end;
            return;
        }
        if let Some(found) = judge(text, words, gazetteer) {
            out.push(found);
        }
        next = words[words.len() - 1].span.end;
    });
}

/// The lanes that may start a capitalised Latin word: an ASCII capital, or the first byte of a
/// letter of Latin-1 or Latin Extended (which hold capitals such as É, Ł, Ș).
fn capital_starts(bytes: Lanes) -> Lanes {
    byte_flags::lanes_in_range(bytes, b'A', b'Z') | byte_flags::lanes_in_range(bytes, 0xC3, 0xC9)
}

/// The lanes after which a capital may start a word: no ASCII letter. A digit before ("4K",
/// "221B") and a byte of a non-ASCII char are left to [`starts_word`]: capitals after digits
/// are few, and ruling them out here cost more, in every lane, than looking at them.
fn may_start_after(before: Lanes) -> Lanes {
    !byte_flags::lanes_ascii_letters(before)
}

/// Calls `found` with every offset in `bytes`, in order, that holds a byte that may start a
/// capitalised word ([`capital_starts`]) after a byte that does not rule a word start out
/// ([`may_start_after`]). Most of a text is neither, and most capitals are inside words (API,
/// DB_PASSWORD, AKIAIOSFODNN7EXAMPLE): this sweep passes over both without a branch.
fn for_each_capital_start(bytes: &[u8], found: impl FnMut(usize)) {
    byte_flags::for_each_flagged(bytes, |before, b| capital_starts(b) & may_start_after(before), found);
}

/// Whether no letter or digit ends right before `at`.
fn starts_word(text: &str, at: usize) -> bool {
    match at.checked_sub(1).map(|i| text.as_bytes()[i]) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !text[..at].chars().next_back().is_some_and(char::is_alphanumeric),
    }
}

/// The capitalised word at `at`, if one starts there: an upper-case letter, then letters, with
/// inner apostrophes and hyphens (O'Brien, Jean-Luc), a possessive `'s` left out. Words in
/// capitals only (API, USD) are not names.
fn word_at(text: &str, at: usize) -> Option<Word> {
    let rest = text.get(at..)?;
    match ascii_word_len(rest.as_bytes()) {
        Some(decided) => decided.map(|len| Word { span: Span::new(at, at + len) }),
        None => unicode_word_at(rest, at),
    }
}

/// [`word_at`] for any text; `rest` is the text from `at` on.
fn unicode_word_at(rest: &str, at: usize) -> Option<Word> {
    let mut chars = rest.char_indices().peekable();
    let (_, first) = chars.next()?;
    if !first.is_uppercase() {
        return None;
    }
    let mut end = first.len_utf8();
    let mut has_lower = false;
    while let Some(&(i, c)) = chars.peek() {
        if c.is_alphabetic() {
            has_lower |= c.is_lowercase();
            end = i + c.len_utf8();
            chars.next();
        } else if matches!(c, '\'' | '’' | '-') && rest[i + c.len_utf8()..].starts_with(char::is_alphabetic) {
            chars.next();
        } else {
            break;
        }
    }
    let word = &rest[..end];
    let word = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word);
    let ends_word = !rest[end..].starts_with(|c: char| c.is_alphanumeric());
    (has_lower && ends_word).then(|| Word { span: Span::new(at, at + word.len()) })
}

/// [`word_at`] decided from ASCII bytes alone, as most words are: `Some` with the length of the
/// word (or `None` for no word) when the text starts with an ASCII byte and, after a capital, ASCII
/// letters and an ASCII byte that does not continue them; `None` when a non-ASCII letter, an
/// apostrophe or a hyphen leaves it to the general path.
fn ascii_word_len(rest: &[u8]) -> Option<Option<usize>> {
    let first = *rest.first()?;
    if !first.is_ascii_uppercase() {
        return first.is_ascii().then_some(None);
    }
    let (len, has_lower) = ascii_letters(rest);
    match rest.get(len) {
        Some(&b) if !b.is_ascii() || b == b'\'' || b == b'-' => None,
        next => Some((has_lower && !next.is_some_and(u8::is_ascii_digit)).then_some(len)),
    }
}

/// The length of the run of ASCII letters that `bytes` starts with, and whether one of them is
/// lower case. Sixteen bytes are classified at once: word lengths vary, and a loop that ends
/// after each word's letters mispredicts that end about once per word.
fn ascii_letters(bytes: &[u8]) -> (usize, bool) {
    if let Some(&sixteen) = bytes.first_chunk::<16>() {
        let lanes = Lanes::new(sixteen);
        let letters = byte_flags::lanes_ascii_letters(lanes).to_bitmask();
        let len = letters.trailing_ones();
        if len < 16 {
            let lower = byte_flags::lanes_in_range(lanes, b'a', b'z').to_bitmask();
            return (len as usize, lower & ((1 << len) - 1) != 0);
        }
    }
    ascii_letters_one_by_one(bytes)
}

/// [`ascii_letters`] a byte at a time, for the end of a text and long runs.
fn ascii_letters_one_by_one(bytes: &[u8]) -> (usize, bool) {
    let len = bytes.iter().position(|b| !b.is_ascii_alphabetic()).unwrap_or(bytes.len());
    (len, bytes[..len].iter().any(u8::is_ascii_lowercase))
}

/// The run of capitalised words starting at `at`, one space apart, particles allowed between
/// them.
fn run_at(text: &str, at: usize) -> Run {
    let mut run = Run { words: [Word { span: Span::new(0, 0) }; MAX_WORDS], len: 0 };
    let mut next = at;
    while run.len < MAX_WORDS {
        let Some(word) = word_at(text, next) else { break };
        run.words[run.len] = word;
        run.len += 1;
        let Some(after) = text[word.span.end..].strip_prefix(' ') else { break };
        next = text.len() - after.len();
        // "van der Berg", "de la Fuente": up to two particles before the next word.
        for _ in 0..2 {
            match particle_len(&text.as_bytes()[next..]) {
                Some(len) => next += len + 1,
                None => break,
            }
        }
    }
    run
}

/// The length of the particle that `rest` starts with, followed by a space. A particle is the
/// whole run of lower-case letters there, measured sixteen bytes at a time: most words after a
/// name's word ("Hi team") are ruled out by their length, without comparing them with each
/// particle.
fn particle_len(rest: &[u8]) -> Option<usize> {
    let len = match rest.first_chunk::<16>() {
        Some(&sixteen) => {
            byte_flags::lanes_in_range(Lanes::new(sixteen), b'a', b'z').to_bitmask().trailing_ones() as usize
        }
        None => rest.iter().position(|b| !b.is_ascii_lowercase())?,
    };
    if len > LONGEST_PARTICLE {
        return None;
    }
    let particle = &rest[..len];
    (rest[len] == b' ' && PARTICLES.iter().any(|p| p.as_bytes() == particle)).then_some(len)
}

fn look_up(text: &str, word: Word, gazetteer: &NameGazetteer) -> WordKinds {
    let word = &text[word.span.start..word.span.end];
    // Most words are short and ASCII: lower-cased on the stack, that is their folded form.
    let mut buffer = [0u8; 24];
    let folded: Cow<'_, str> = match buffer.get_mut(..word.len()) {
        Some(lower) if word.is_ascii() => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            Cow::Borrowed(std::str::from_utf8(lower).unwrap_or_default())
        }
        _ => Cow::Owned(fold_word(word)),
    };
    gazetteer.kinds(&folded)
}

/// The name in the run `words`, if it is one.
fn judge(text: &str, words: &[Word], gazetteer: &NameGazetteer) -> Option<PersonMatch> {
    let evidence = evidence_before(text, words[0].span.start);
    // Without evidence a name has two words at least: most single capitalised words are not
    // names, and looking them up costs.
    if evidence == Evidence::None && words.len() < 2 {
        return None;
    }
    let mut known = [WordKinds::default(); MAX_WORDS];
    for (k, &w) in known.iter_mut().zip(words) {
        *k = look_up(text, w, gazetteer);
    }
    let span = |from: usize, to: usize| Span::new(words[from].span.start, words[to].span.end);
    // After the first word, a common word the gazetteer does not know ends the name
    // ("Dear Anna Team").
    let name_end = |from: usize| {
        (from + 1..words.len()).take_while(|&i| known[i].name() || !known[i].ambiguous).last().unwrap_or(from)
    };
    match evidence {
        Evidence::Title => {
            let end = name_end(0).min(2);
            let confidence = if known[..=end].iter().any(|k| k.name()) { 0.95 } else { 0.85 };
            Some(PersonMatch { span: span(0, end), confidence })
        }
        Evidence::Signature if is_closing(text[words[0].span.start..].lines().next().unwrap_or("")) => None,
        Evidence::Expected | Evidence::Signature => {
            let first_is_name = known[0].name() || (words.len() >= 2 && !known[0].ambiguous && !known[1].ambiguous);
            if !first_is_name {
                return None;
            }
            let end = name_end(0).min(2);
            let confidence = if known[0].given || known[end].surname { 0.9 } else { 0.75 };
            Some(PersonMatch { span: span(0, end), confidence })
        }
        Evidence::None => {
            let first = (0..words.len() - 1).find(|&i| known[i].given && !known[i].ambiguous && known[i + 1].name())?;
            // Middle names: further given names or surnames; the last word must be a surname.
            let end = (first + 1..words.len()).take_while(|&i| known[i].name()).last()?;
            if !known[end].surname {
                return None;
            }
            let confidence = if known[end].ambiguous { 0.7 } else { 0.8 };
            Some(PersonMatch { span: span(first, end), confidence })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::gazetteer::shipped as gazetteer;

    fn names(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        latin_names(text, &gazetteer(), &mut out);
        out.iter().map(|m| &text[m.span.start..m.span.end]).collect()
    }

    #[test]
    fn finds_known_names_and_names_after_evidence() {
        assert_eq!(names("I met Anna Schmidt yesterday."), ["Anna Schmidt"]);
        assert_eq!(names("Dear Mr. Okonkwo, thanks."), ["Okonkwo"]);
        assert_eq!(names("Name: Jan van der Berg\n"), ["Jan van der Berg"]);
        assert_eq!(names("Thanks,\n\nBest regards,\nMarta Ruiz\nSales"), ["Marta Ruiz"]);
        assert_eq!(names("Ask Oliver Murphy's team"), ["Oliver Murphy"]);
        assert_eq!(names("Dr O'Brien agreed"), ["O'Brien"]);
    }

    #[test]
    fn the_sweep_finds_every_capital_after_no_letter() {
        // Capitals and accented letters on both sides of the block boundaries, after letters,
        // digits, punctuation and other capitals.
        let text = "Ab Cd_eÉf [Zz] x ÉtéA1B DB_PASSWORD (Ω) ".repeat(9);
        let bytes = text.as_bytes();
        for len in [0, 1, 2, 63, 64, 65, 66, 129, bytes.len()] {
            let mut found = Vec::new();
            for_each_capital_start(&bytes[..len], |at| found.push(at));
            let expected: Vec<usize> = (0..len)
                .filter(|&at| {
                    let capital = bytes[at].is_ascii_uppercase() || (0xC3..=0xC9).contains(&bytes[at]);
                    capital && (at == 0 || !bytes[at - 1].is_ascii_alphabetic())
                })
                .collect();
            assert_eq!(found, expected, "{len}");
        }
    }

    #[test]
    fn ascii_words_are_decided_as_the_general_path_decides() {
        let texts =
            ["Anna ", "Anna", "API ", "Anna1", "Anna_", "O'Brien", "Jean-Luc", "Zoë", "anna", "É", "Ab.", "A b"];
        for text in texts {
            if let Some(decided) = ascii_word_len(text.as_bytes()) {
                let general = unicode_word_at(text, 0).map(|w| w.span.end);
                assert_eq!(decided, general, "{text}");
            }
        }
        assert_eq!(ascii_word_len(b"O'Brien"), None);
        assert_eq!(ascii_word_len(b"Anna "), Some(Some(4)));
    }

    #[test]
    fn letters_are_measured_sixteen_at_a_time_as_one_by_one() {
        let text = "Anna Okafor-Smith AAAAAAAAAAAAAAAAAAAA aaaaaaaaaaaaaaab Zz9 É O'Brien USA's x\n";
        let bytes = text.as_bytes();
        for from in 0..bytes.len() {
            for to in from..=bytes.len() {
                assert_eq!(ascii_letters(&bytes[from..to]), ascii_letters_one_by_one(&bytes[from..to]), "{from}..{to}");
            }
        }
    }

    #[test]
    fn particles_are_short_lower_case_words() {
        assert!(PARTICLES.iter().all(|p| p.len() <= LONGEST_PARTICLE && p.bytes().all(|b| b.is_ascii_lowercase())));
        assert_eq!(particle_len(b"van der Berg"), Some(3));
        assert_eq!(particle_len(b"della Rosa"), Some(5));
        assert_eq!(particle_len(b"dell Rosa"), None);
        assert_eq!(particle_len(b"de"), None);
        assert_eq!(particle_len(b"team"), None);
        assert_eq!(particle_len(b"von Trapp, Georg Ludwig"), Some(3));
        assert_eq!(particle_len(b"della"), None);
        assert_eq!(particle_len(b"delladelladelladella Rosa"), None);
    }

    #[test]
    fn capitalised_words_are_not_names_without_evidence() {
        assert!(names("The Project Manager visited Paris and Berlin in May.").is_empty());
        assert!(names("Use the API Gateway with AWS Lambda.").is_empty());
        assert!(names("Anna").is_empty());
        assert!(names("ref 4Anna Schmidt, 221B Baker").is_empty());
    }
}
