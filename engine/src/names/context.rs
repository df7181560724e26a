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
    let word = word.as_bytes();
    word.len() <= LONGEST_CONTEXT_WORD
        && may_start_context_word(word)
        && (is_title(word) || SALUTATION_KEYS.contains(&key(word, true)))
}

/// Whether the first two bytes of `word` may start a title or a salutation, in any ASCII case:
/// most words ("Please", "Street", "Contact") are ruled out before they are compared with each.
fn may_start_context_word(word: &[u8]) -> bool {
    let [first, second, ..] = *word else { return false };
    let pair = pair_index(first, second);
    CONTEXT_PAIRS[pair / 64] >> (pair % 64) & 1 == 1
}

/// The first two bytes of a word as a number below 1,024, by their five low bits: the same for
/// an ASCII letter in either case, different for two different letters.
const fn pair_index(first: u8, second: u8) -> usize {
    ((first & 0x1F) as usize) << 5 | (second & 0x1F) as usize
}

/// The [`pair_index`]es of the first two bytes of the titles and salutations (each has two
/// bytes at least), one bit each.
const CONTEXT_PAIRS: [u64; 16] = context_pairs(false);

/// The [`pair_index`]es of the last two bytes of the titles and salutations, one bit each.
const CONTEXT_END_PAIRS: [u64; 16] = context_pairs(true);

/// The [`pair_index`]es of the first two bytes of every title and salutation, or of the last two
/// if `last`, one bit each.
const fn context_pairs(last: bool) -> [u64; 16] {
    let mut pairs = [0u64; 16];
    let lists = [TITLES, SALUTATIONS];
    let mut list = 0;
    while list < lists.len() {
        let mut i = 0;
        while i < lists[list].len() {
            let word = lists[list][i].as_bytes();
            let first = if last { word.len() - 2 } else { 0 };
            let pair = pair_index(word[first], word[first + 1]);
            pairs[pair / 64] |= 1 << (pair % 64);
            i += 1;
        }
        list += 1;
    }
    pairs
}

/// Whether a word that ends with the bytes `a`, `b` may be a title or a salutation, in any ASCII
/// case: two ASCII letters that end none ("the", "with") rule it out.
fn may_end_context_word(a: u8, b: u8) -> bool {
    let pair = pair_index(a, b);
    !(a.is_ascii_alphabetic() && b.is_ascii_alphabetic()) || CONTEXT_END_PAIRS[pair / 64] >> (pair % 64) & 1 == 1
}

/// Whether the text before a name on its line, `line`, that ends with an ASCII byte other than
/// white space, may give evidence, by its last bytes: a title (maybe with a full stop) and a
/// salutation end with letters ([`may_end_context_word`]), a field with a colon, and a line of
/// marks alone ([`is_before_lead`]) with a mark. Most lines end otherwise ("the", "Friday.",
/// "Street,").
fn may_end_lead(line: &[u8]) -> bool {
    let word = line.strip_suffix(b".").unwrap_or(line);
    match *word {
        [.., a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => may_end_context_word(a, b),
        [.., b] => b.is_ascii_alphabetic() || matches!(b, b'.' | b':') || is_before_lead(char::from(b)),
        [] => true,
    }
}

/// A word of at most [`LONGEST_CONTEXT_WORD`] bytes as one number, in ASCII lower case if
/// `lower`, with its length in the top byte: a list of such words is searched with one
/// comparison per word instead of a call to compare bytes.
const fn key(word: &[u8], lower: bool) -> u128 {
    assert!(word.len() <= LONGEST_CONTEXT_WORD);
    let mut key = (word.len() as u128) << 120;
    let mut i = 0;
    while i < word.len() {
        let b = if lower { word[i].to_ascii_lowercase() } else { word[i] };
        key |= (b as u128) << (8 * i);
        i += 1;
    }
    key
}

/// The [`key`]s of `words`, as they are (a list of `N` words).
const fn keys<const N: usize>(words: &[&str]) -> [u128; N] {
    assert!(words.len() == N);
    let mut keys = [0; N];
    let mut i = 0;
    while i < N {
        keys[i] = key(words[i].as_bytes(), false);
        i += 1;
    }
    keys
}

/// [`TITLES`] as [`key`]s.
const TITLE_KEYS: [u128; TITLES.len()] = keys(TITLES);
/// [`SALUTATIONS`] (lower case) as [`key`]s.
const SALUTATION_KEYS: [u128; SALUTATIONS.len()] = keys(SALUTATIONS);

/// The length in bytes of the longest title or salutation.
const LONGEST_CONTEXT_WORD: usize = 9;

/// Whether `word` (without its full stop) is a title. Every title starts with an ASCII capital.
fn is_title(word: &[u8]) -> bool {
    word.len() <= LONGEST_CONTEXT_WORD
        && word.first().is_some_and(u8::is_ascii_uppercase)
        && may_start_context_word(word)
        && TITLE_KEYS.contains(&key(word, false))
}

/// Whether `word`, the last word before a name, is a title, with or without its full stop
/// ("M." for Monsieur only with it).
fn is_title_word(word: &[u8]) -> bool {
    is_title(word.strip_suffix(b".").unwrap_or(word)) || word == b"M."
}

/// The evidence that the text before `at` gives for a name starting at `at`.
pub fn evidence_before(text: &str, at: usize) -> Evidence {
    // The word touches what comes before it ("x.Anna", "(Anna"): no evidence. Most capitals
    // in a text end here.
    let bytes = text.as_bytes();
    if at.checked_sub(1).map(|i| bytes[i]).is_some_and(|b| b.is_ascii() && !b.is_ascii_whitespace()) {
        return Evidence::None;
    }
    // The look back decides most capitals; the short word before only rules out what is left,
    // and at the start of a line only a signature.
    let (line_start, long_line) = match look_back(bytes, at) {
        LookBack::NoEvidence => return Evidence::None,
        // Nothing but white space before the name on its line: [`evidence_on_line`] would find
        // the lead empty.
        LookBack::LineStart(line_start) => {
            return match signature_at(text, line_start) {
                Evidence::Signature if short_word_before(bytes, at) => Evidence::Signature,
                _ => Evidence::None,
            };
        }
        LookBack::Unknown if !short_word_before(bytes, at) => return Evidence::None,
        LookBack::Unknown => line_start_before(text, at),
    };
    evidence_on_line(text, at, line_start, long_line)
}

/// The start of the line that holds `at`, looked for no further back than [`LOOKBACK`] bytes,
/// and whether the line started before that (a long line, where the window's start stands in).
fn line_start_before(text: &str, at: usize) -> (usize, bool) {
    // Titles, salutations and fields are short: a line that started further back than this holds
    // only a title as evidence, and lines can be long.
    let window = floor_char_boundary(text, at.saturating_sub(LOOKBACK));
    let line_start = text[window..at].rfind('\n').map(|i| window + i + 1);
    (line_start.unwrap_or(window), line_start.is_none() && window > 0)
}

/// [`evidence_before`] once the start of the line is known.
fn evidence_on_line(text: &str, at: usize, line_start: usize, long_line: bool) -> Evidence {
    let before = &text[line_start..at];
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() && !before.is_empty() {
        // The word touches what comes before it ("x.Anna"): no evidence.
        return Evidence::None;
    }
    let last_word = trimmed.rsplit(ends_last_word).next().unwrap_or("");
    if is_title_word(last_word.as_bytes()) {
        return Evidence::Title;
    }
    if long_line {
        return Evidence::None;
    }
    let lead = trimmed.trim_start_matches(is_before_lead);
    if lead.is_empty() {
        return signature_at(text, line_start);
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

/// Whether `c` comes right before the last word of the text before a name.
fn ends_last_word(c: char) -> bool {
    c.is_whitespace() || c == '"' || c == '('
}

/// Whether `c` may stand before a salutation or a field on its line (indentation, quotes, list
/// and reply marks): [`evidence_before`] trims it off the start of the line.
fn is_before_lead(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '“' | '>' | '-' | '*')
}

/// What the ASCII bytes right before a word tell [`evidence_before`], read backwards without
/// looking for the start of the line first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LookBack {
    /// Only white space stands between the start of the line, at this offset, and the word.
    LineStart(usize),
    /// The line before the word ends as no title, salutation, field or marks do
    /// ([`may_end_lead`]: "proposal by Friday", "Baker Street, London"), or the last word is no title, and it ends with a colon that ends no
    /// field ("handle(req: Request)"), or it has no colon and something other than the marks of
    /// [`is_before_lead`] stands before it on its line ("proposal by Friday"): the line holds
    /// neither a field nor a salutation alone, so no evidence.
    NoEvidence,
    /// Anything else, non-ASCII text among it: the line must be read.
    Unknown,
}

/// Reads the bytes before `at` back to the start of the line, the last word before `at` or
/// the first byte before that word that is not a mark of [`is_before_lead`], whichever comes
/// first, and no further than [`LOOKBACK`] bytes. Every byte read is ASCII (or the answer is
/// [`LookBack::Unknown`]), so each is its own char for the rules of [`evidence_before`].
fn look_back(bytes: &[u8], at: usize) -> LookBack {
    let floor = at.saturating_sub(LOOKBACK);
    // Whether `i` is the start of the text or of a line; `None` when the byte before it is not
    // ASCII or lies beyond the window.
    let byte_before = |i: usize| match i.checked_sub(1) {
        None => Some(None),
        Some(_) if i <= floor => None,
        Some(j) => bytes[j].is_ascii().then_some(Some(bytes[j])),
    };
    let skip = |mut i: usize, while_: fn(char) -> bool| {
        while let Some(Some(b)) = byte_before(i) {
            if b == b'\n' || !while_(char::from(b)) {
                break;
            }
            i -= 1;
        }
        i
    };
    let word_end = skip(at, char::is_whitespace);
    match byte_before(word_end) {
        Some(None | Some(b'\n')) => return LookBack::LineStart(word_end),
        None => return LookBack::Unknown,
        Some(Some(_)) => {}
    }
    // The line ends here with the last word before `at`: most lines are ruled out by their last
    // bytes, without reading the word.
    if !may_end_lead(&bytes[..word_end]) {
        return LookBack::NoEvidence;
    }
    let word_start = skip(word_end, |c| !ends_last_word(c));
    let word = &bytes[word_start..word_end];
    // Every byte read is ASCII, so the word is compared as it is, without a check of its encoding.
    let title = is_title_word(word);
    if title || byte_before(word_start).is_none_or(|b| b.is_none()) {
        return LookBack::Unknown;
    }
    if let Some(stem) = word.strip_suffix(b":") {
        return if may_end_field(stem) { LookBack::Unknown } else { LookBack::NoEvidence };
    }
    match byte_before(skip(word_start, is_before_lead)) {
        Some(Some(b)) if b != b'\n' => LookBack::NoEvidence,
        _ => LookBack::Unknown,
    }
}

/// Whether a field may end with `stem`, the last word before a colon: it is the last word of a
/// field, or nothing (a colon apart, "Contact :").
fn may_end_field(stem: &[u8]) -> bool {
    // Most words before a colon ("req:", "port:") end with a byte that ends no field, and are
    // ruled out before they are compared with each field.
    if stem.last().is_some_and(|&b| !FIELD_ENDS[usize::from(b.to_ascii_lowercase())]) {
        return false;
    }
    let ends_with_stem = |field: &[u8]| {
        field
            .len()
            .checked_sub(stem.len())
            .is_some_and(|start| field[start..].eq_ignore_ascii_case(stem) && (start == 0 || field[start - 1] == b' '))
    };
    stem.is_empty() || FIELDS.iter().any(|f| ends_with_stem(f.as_bytes()))
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

/// The evidence for a name with nothing before it on its line but white space and marks: a
/// signature after a closing, else none.
#[inline]
fn signature_at(text: &str, line_start: usize) -> Evidence {
    if may_end_with_closing(&text.as_bytes()[..line_start]) && closing_line_above(text, line_start) {
        Evidence::Signature
    } else {
        Evidence::None
    }
}

/// Whether the last non-empty line before `line_start` is a closing ("Best regards,"). Out of
/// line: [`signature_at`], inlined into the look at every capital, rules most lines out by
/// their last byte first, and this is rarely reached.
#[inline(never)]
fn closing_line_above(text: &str, line_start: usize) -> bool {
    let above = text[..line_start].trim_end();
    // A closing is short: only the end of the text above is looked at.
    let from = floor_char_boundary(above, above.len().saturating_sub(LONGEST_LEAD + 8));
    match above[from..].rfind('\n') {
        Some(i) => is_closing(&above[from + i + 1..]),
        None => from == 0 && is_closing(above),
    }
}

/// Whether the text `above` a line may end with a closing, by its last byte, read back past white
/// space and a comma as [`is_closing`] trims them: a closing ends with one of a few letters
/// ([`CLOSING_ENDS`]), and most lines end with another byte ("…anything.", "pool: 20", "}").
/// Non-ASCII bytes are left to [`is_closing`].
fn may_end_with_closing(above: &[u8]) -> bool {
    let before_space =
        |end: usize| above[..end].iter().rposition(|&b| !(b.is_ascii() && char::from(b).is_whitespace()));
    let Some(mut last) = before_space(above.len()) else { return false };
    if above[last] == b',' {
        let Some(before_comma) = before_space(last) else { return false };
        last = before_comma;
    }
    let b = above[last];
    !b.is_ascii() || CLOSING_ENDS[usize::from(b.to_ascii_lowercase())]
}

/// The bytes that end a closing (lower case), a table built from [`CLOSINGS`].
const CLOSING_ENDS: [bool; 256] = last_bytes(CLOSINGS);

/// The bytes that end a field (lower case), a table built from [`FIELDS`].
const FIELD_ENDS: [bool; 256] = last_bytes(FIELDS);

/// The last bytes of `words`, as a table of every byte.
const fn last_bytes(words: &[&str]) -> [bool; 256] {
    let mut ends = [false; 256];
    let mut i = 0;
    while i < words.len() {
        let word = words[i].as_bytes();
        ends[word[word.len() - 1] as usize] = true;
        i += 1;
    }
    ends
}

/// Whether `line` is a closing ("Best regards,", "Cordialement").
pub fn is_closing(line: &str) -> bool {
    let line = line.trim();
    let line = line.strip_suffix(',').unwrap_or(line).trim_end();
    !line.is_empty() && line.len() <= 32 && lower_case_is_one_of(line, CLOSINGS)
}

/// Whether `text`, lower-cased, is one of `words` (all lower case). ASCII text, the usual kind,
/// is compared in place instead of being copied to lower case.
fn lower_case_is_one_of(text: &str, words: &[&str]) -> bool {
    if text.is_ascii() {
        words.iter().any(|w| w.eq_ignore_ascii_case(text))
    } else {
        words.contains(&text.to_lowercase().as_str())
    }
}

#[cfg(test)]
mod tests;
