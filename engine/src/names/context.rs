//! What the text right before a capitalised word says about it: a title ("Mr", "Mme", "Herr"),
//! a salutation ("Dear", "Bonjour"), a form field ("Name:", "Contact :"), or a closing on the
//! line above ("Best regards,") that makes the line a signature.

use crate::detectors::floor_char_boundary;

/// The longest salutation or form field, in bytes, with its colon.
const LONGEST_LEAD: usize = 32;

/// How far back, in bytes, the start of the line is looked for.
const LOOKBACK: usize = 64;

/// Evidence, from the text before a word, that the word starts a person's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// Nothing: the words must be known names on their own.
    None,
    /// A salutation or a form field: a name is expected there.
    Expected,
    /// The start of the line after a closing ("Best regards,"): a signature, unless the line is
    /// another closing.
    Signature,
    /// A title right before the word: what follows is a name, whatever it is.
    Title,
}

/// Titles written before a name, without their full stop.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame", "Mme", "Mlle", "Herr", "Frau", "Sr", "Sra", "Srta",
    "Dña", "Doña", "Don", "Sig", "Sig.ra", "Dott", "Dott.ssa", "Dhr", "Mevr", "Mevrouw", "Meneer", "Madame",
    "Monsieur", "Signor", "Signora", "Señor", "Señora",
];
/// Words that greet someone by name, lower case.
const SALUTATIONS: &[&str] = &[
    "dear", "hi", "hello", "hey", "bonjour", "cher", "chère", "liebe", "lieber", "hallo", "hola", "estimado",
    "estimada", "ciao", "gentile", "caro", "cara", "beste", "geachte", "thanks", "merci", "danke", "gracias", "grazie",
];
/// Form fields and headers that a name follows, lower case, without the colon.
const FIELDS: &[&str] = &[
    "name",
    "full name",
    "contact",
    "contact person",
    "client",
    "customer",
    "employee",
    "tenant",
    "patient",
    "new hire",
    "candidate",
    "applicant",
    "attn",
    "from",
    "signed",
    "nom",
    "prénom",
    "ansprechpartner",
    "mieter",
    "nombre",
    "contacto",
    "nome",
    "referente",
    "naam",
    "contactpersoon",
    "huurder",
];
/// Closings that end a message before its signature, lower case, without the comma.
const CLOSINGS: &[&str] = &[
    "best",
    "best regards",
    "kind regards",
    "regards",
    "thanks",
    "thank you",
    "cheers",
    "sincerely",
    "yours sincerely",
    "cordialement",
    "bien à vous",
    "mit freundlichen grüßen",
    "viele grüße",
    "beste grüße",
    "saludos",
    "un saludo",
    "atentamente",
    "cordiali saluti",
    "saluti",
    "met vriendelijke groet",
    "groeten",
    "--",
];

/// Whether `word` is a title or a salutation, evidence for the name after it rather than part
/// of it.
pub fn is_context_word(word: &str) -> bool {
    word.len() <= LONGEST_CONTEXT_WORD && (is_title(word) || SALUTATIONS.iter().any(|s| s.eq_ignore_ascii_case(word)))
}

/// The length in bytes of the longest title or salutation.
const LONGEST_CONTEXT_WORD: usize = 9;

/// Whether `word` (without its full stop) is a title. Every title starts with an ASCII capital.
fn is_title(word: &str) -> bool {
    word.len() <= LONGEST_CONTEXT_WORD && word.starts_with(|c: char| c.is_ascii_uppercase()) && TITLES.contains(&word)
}

/// The evidence that the text before `at` gives for a name starting at `at`.
pub fn evidence_before(text: &str, at: usize) -> Evidence {
    // The word touches what comes before it ("x.Anna", "(Anna"): no evidence. Most capitals
    // in a text end here.
    if at.checked_sub(1).map(|i| text.as_bytes()[i]).is_some_and(|b| b.is_ascii() && !b.is_ascii_whitespace()) {
        return Evidence::None;
    }
    if !short_word_before(text.as_bytes(), at) {
        return Evidence::None;
    }
    // Titles, salutations and fields are short: a line that started further back than this
    // holds only a title as evidence, and lines can be long.
    let window = floor_char_boundary(text, at.saturating_sub(LOOKBACK));
    let line_start = text[window..at].rfind('\n').map(|i| window + i + 1);
    let long_line = line_start.is_none() && window > 0;
    let line_start = line_start.unwrap_or(window);
    let before = &text[line_start..at];
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() && !before.is_empty() {
        // The word touches what comes before it ("x.Anna"): no evidence.
        return Evidence::None;
    }
    let last_word = trimmed.rsplit(|c: char| c.is_whitespace() || c == '"' || c == '(').next().unwrap_or("");
    if is_title(last_word.strip_suffix('.').unwrap_or(last_word)) || last_word == "M." {
        return Evidence::Title;
    }
    if long_line {
        return Evidence::None;
    }
    let lead = trimmed.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '>' | '-' | '*'));
    if lead.is_empty() {
        return if closing_line_above(text, line_start) { Evidence::Signature } else { Evidence::None };
    }
    if lead.len() > LONGEST_LEAD {
        return Evidence::None;
    }
    // Code and short lines ("fn handle(req: Request)") rarely hold a salutation or a field: an
    // ASCII lead longer than any salutation is one only with a colon (lower-casing ASCII keeps
    // the length), so most leads are ruled out before they are lower-cased.
    if lead.is_ascii() && lead.len() > LONGEST_CONTEXT_WORD && !lead.ends_with(':') {
        return Evidence::None;
    }
    let lower = lead.to_lowercase();
    if SALUTATIONS.contains(&lower.as_str()) {
        return Evidence::Expected;
    }
    let field = lower.strip_suffix(':').or_else(|| lower.strip_suffix('：')).map(str::trim_end);
    if field.is_some_and(|f| FIELDS.contains(&f) || f.ends_with(" name")) {
        return Evidence::Expected;
    }
    Evidence::None
}

/// Whether the word before `at` (after spaces) is short or ends with a colon, or there is no
/// word before it on its line: every title, salutation and field is such a word (a salutation
/// or a field is the whole line before the name, and ends with its last word), so a long word
/// before a capital rules them all out at once.
fn short_word_before(bytes: &[u8], at: usize) -> bool {
    let mut end = at;
    while end > 0 && matches!(bytes[end - 1], b' ' | b'\t') {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && end - start <= LONGEST_CONTEXT_WORD && !is_word_separator(bytes[start - 1]) {
        start -= 1;
    }
    let colon = bytes[start..end].ends_with(b":") || bytes[start..end].ends_with("：".as_bytes());
    end - start <= LONGEST_CONTEXT_WORD || colon
}

/// Whether `b` separates the word before a name from what precedes it (as in
/// [`evidence_before`]: white space, a quote, an opening parenthesis).
fn is_word_separator(b: u8) -> bool {
    b.is_ascii_whitespace() || matches!(b, b'"' | b'(')
}

/// Whether the last non-empty line before `line_start` is a closing ("Best regards,").
fn closing_line_above(text: &str, line_start: usize) -> bool {
    let above = text[..line_start].trim_end();
    // A closing is short: only the end of the text above is looked at.
    let from = floor_char_boundary(above, above.len().saturating_sub(LONGEST_LEAD + 8));
    match above[from..].rfind('\n') {
        Some(i) => is_closing(&above[from + i + 1..]),
        None => from == 0 && is_closing(above),
    }
}

/// Whether `line` is a closing ("Best regards,", "Cordialement").
pub fn is_closing(line: &str) -> bool {
    let line = line.trim();
    let line = line.strip_suffix(',').unwrap_or(line).trim_end();
    !line.is_empty() && line.len() <= 32 && CLOSINGS.contains(&line.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, word: &str) -> Evidence {
        evidence_before(text, text.find(word).unwrap())
    }

    #[test]
    fn titles_salutations_fields_and_signatures() {
        assert_eq!(at("Dear Mr. Tanaka, thanks", "Tanaka"), Evidence::Title);
        assert_eq!(at("rendez-vous avec Mme Dubois", "Dubois"), Evidence::Title);
        assert_eq!(at("Dear Anna,", "Anna"), Evidence::Expected);
        assert_eq!(at("Name: Jan de Vries", "Jan"), Evidence::Expected);
        assert_eq!(at("Ansprechpartner : Lena Vogel", "Lena"), Evidence::Expected);
        assert_eq!(at("See you soon.\n\nBest regards,\nMarta Ruiz\n", "Marta"), Evidence::Signature);
    }

    #[test]
    fn every_title_and_salutation_fits_the_longest_context_word() {
        assert!(TITLES.iter().chain(SALUTATIONS).all(|w| w.len() <= LONGEST_CONTEXT_WORD));
        assert_eq!(at("Sincerely hello Anna", "Anna"), Evidence::None);
        assert_eq!(at("Contact person: Anna", "Anna"), Evidence::Expected);
    }

    #[test]
    fn ordinary_text_is_no_evidence() {
        assert_eq!(at("We met Anna in Paris", "Anna"), Evidence::None);
        assert_eq!(at("Status: Open", "Open"), Evidence::None);
        assert_eq!(at("first line\nAnna Schmidt", "Anna"), Evidence::None);
    }
}
