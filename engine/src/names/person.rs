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

use super::context::{evidence_before, is_closing, is_context_word, Evidence};
use super::gazetteer::{fold_word, NameGazetteer};
use crate::Span;

/// At most this many words make a name.
const MAX_WORDS: usize = 4;
/// Lower-case words that join the parts of a surname ("van der", "de la", "di").
const PARTICLES: &[&str] =
    &["de", "del", "della", "der", "den", "van", "von", "di", "da", "du", "la", "le", "ter", "dos", "das", "zu"];

/// One capitalised word.
#[derive(Debug, Clone, Copy)]
struct Word {
    span: Span,
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
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        let may_start = b.is_ascii_uppercase() || b >= 0xC3;
        if !may_start || !starts_word(text, at) {
            at += 1;
            continue;
        }
        let words = run_at(text, at);
        // "Dear Anna", "Dr Okafor": the first word is the evidence for the rest.
        if let Some(first) = words.first().filter(|w| is_context_word(&text[w.span.start..w.span.end])) {
            at = first.span.end;
            continue;
        }
        match words.last() {
            Some(last) => {
                if let Some(found) = judge(text, &words, gazetteer) {
                    out.push(found);
                }
                at = last.span.end;
            }
            None => at += text[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
}

/// Whether no letter or digit ends right before `at`.
fn starts_word(text: &str, at: usize) -> bool {
    !text.is_char_boundary(at) || !text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
}

/// The capitalised word at `at`, if one starts there: an upper-case letter, then letters, with
/// inner apostrophes and hyphens (O'Brien, Jean-Luc), a possessive `'s` left out. Words in
/// capitals only (API, USD) are not names.
fn word_at(text: &str, at: usize) -> Option<Word> {
    let rest = text.get(at..)?;
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
    (has_lower && ends_word && word.chars().count() >= 2).then(|| Word { span: Span::new(at, at + word.len()) })
}

/// The run of capitalised words starting at `at`, one space apart, particles allowed between
/// them.
fn run_at(text: &str, at: usize) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut next = at;
    while words.len() < MAX_WORDS {
        let Some(word) = word_at(text, next) else { break };
        words.push(word);
        let Some(after) = text[word.span.end..].strip_prefix(' ') else { break };
        next = text.len() - after.len();
        // "van der Berg", "de la Fuente": up to two particles before the next word.
        for _ in 0..2 {
            let particle = PARTICLES.iter().find(|p| after_particle(&text[next..], p).is_some());
            match particle {
                Some(p) => next += p.len() + 1,
                None => break,
            }
        }
    }
    words
}

/// The text after `particle ` if `text` starts with it.
fn after_particle<'t>(text: &'t str, particle: &str) -> Option<&'t str> {
    text.strip_prefix(particle)?.strip_prefix(' ')
}

/// What the gazetteer says of one word.
#[derive(Debug, Clone, Copy)]
struct Known {
    given: bool,
    surname: bool,
    ambiguous: bool,
}

impl Known {
    fn name(self) -> bool {
        self.given || self.surname
    }
}

fn look_up(text: &str, word: Word, gazetteer: &NameGazetteer) -> Known {
    let folded = fold_word(&text[word.span.start..word.span.end]);
    Known {
        given: gazetteer.is_given(&folded),
        surname: gazetteer.is_surname(&folded),
        ambiguous: gazetteer.is_ambiguous(&folded),
    }
}

/// The name in the run `words`, if it is one.
fn judge(text: &str, words: &[Word], gazetteer: &NameGazetteer) -> Option<PersonMatch> {
    let evidence = evidence_before(text, words[0].span.start);
    // Without evidence a name has two words at least: most single capitalised words are not
    // names, and looking them up costs.
    if evidence == Evidence::None && words.len() < 2 {
        return None;
    }
    let known: Vec<Known> = words.iter().map(|&w| look_up(text, w, gazetteer)).collect();
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
    fn capitalised_words_are_not_names_without_evidence() {
        assert!(names("The Project Manager visited Paris and Berlin in May.").is_empty());
        assert!(names("Use the API Gateway with AWS Lambda.").is_empty());
        assert!(names("Anna").is_empty());
    }
}
