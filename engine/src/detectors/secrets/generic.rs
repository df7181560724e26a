//! Generic secrets: a value assigned to a name that says "password", "secret", "token" or
//! "api key" (`DB_PASSWORD=…`, `"apiKey": "…"`, `password: …`), reported only when the value
//! looks like a real secret: long enough, random enough (Shannon entropy), and not a
//! placeholder, a variable, an environment lookup or a function call.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::super::text::ScanText;
use super::super::url_credentials::is_placeholder;
use super::super::{Candidate, Validation};
use super::literals::KeyedLiteralSet;
use crate::{Kind, Severity, Span};

/// Words that make a name a secret's name.
const SECRET_NAMES: &[&str] = &[
    "password",
    "passwd",
    "passphrase",
    "pwd",
    "secret",
    "token",
    "api_key",
    "apikey",
    "api-key",
    "access_key",
    "accesskey",
    "auth_key",
    "authkey",
    "private_key",
    "privatekey",
    "credential",
    "client_secret",
    "mot de passe",
    "mot_de_passe",
    "passwort",
    "kennwort",
    "contraseña",
    "contrasena",
    "密码",
    "パスワード",
];
const PASSWORD_NAMES: &[&str] = &[
    "password",
    "passwd",
    "passphrase",
    "pwd",
    "mot de passe",
    "mot_de_passe",
    "passwort",
    "kennwort",
    "contraseña",
    "contrasena",
    "密码",
    "パスワード",
];
/// Names that contain a secret word but name something that is not secret.
const NOT_SECRET_NAMES: &[&str] = &[
    "token_type",
    "tokentype",
    "token_url",
    "tokenurl",
    "token_endpoint",
    "password_reset",
    "passwordreset",
    "forgot",
    "password_policy",
    "min_length",
    "password_hash_algorithm",
    "secret_name",
    "secretname",
    "secret_ref",
    "secretref",
    "secretkeyref",
    "max_tokens",
    "maxtokens",
    "tokens_used",
    "token_count",
    "tokenizer",
    "tokenize",
    "tokens",
    "_length",
    "_len",
    "_file",
    "_path",
    "_env",
    "_id\"",
    "csrf",
];

/// Finds `name = value` assignments of secret-looking values.
#[derive(Debug)]
pub(super) struct AssignmentFinder {
    /// The variants of [`NAME_ROOTS`], found by [`NAME_KEYS`].
    names: KeyedLiteralSet,
    words: Option<NameWords>,
}

/// Every word of [`SECRET_NAMES`] and [`NOT_SECRET_NAMES`] in one automaton: one pass over a
/// name says which lists it holds a word of (a `contains` per word was a third of the time).
#[derive(Debug)]
struct NameWords {
    automaton: AhoCorasick,
    /// For each word of the automaton, which lists it is in.
    kinds: Vec<NameWordKind>,
}

#[derive(Debug, Clone, Copy, Default)]
struct NameWordKind {
    secret: bool,
    password: bool,
    not_secret: bool,
}

impl NameWords {
    fn new() -> Option<NameWords> {
        let mut words: Vec<&str> = SECRET_NAMES.iter().chain(NOT_SECRET_NAMES).copied().collect();
        words.sort_unstable();
        words.dedup();
        let kinds = words
            .iter()
            .map(|w| NameWordKind {
                secret: SECRET_NAMES.contains(w),
                password: PASSWORD_NAMES.contains(w),
                not_secret: NOT_SECRET_NAMES.contains(w),
            })
            .collect();
        let automaton = AhoCorasickBuilder::new().match_kind(MatchKind::Standard).build(&words).ok()?;
        Some(NameWords { automaton, kinds })
    }

    /// Which lists `lower` (a lower-cased name) holds a word of.
    fn classify(&self, lower: &[u8]) -> NameWordKind {
        let mut found = NameWordKind::default();
        for m in self.automaton.find_overlapping_iter(lower) {
            let kind = self.kinds[m.pattern().as_usize()];
            found.secret |= kind.secret;
            found.password |= kind.password;
            found.not_secret |= kind.not_secret;
        }
        found
    }
}

/// Short roots of [`SECRET_NAMES`], searched for in lower, upper and title case: a
/// case-sensitive search over a few dozen literals is several times faster than a
/// case-insensitive one, and the whole name is checked afterwards.
const NAME_ROOTS: &[&str] = &[
    "pass",
    "pwd",
    "secret",
    "token",
    "api_key",
    "apikey",
    "api-key",
    "apiKey",
    "access_key",
    "accesskey",
    "accessKey",
    "auth_key",
    "authkey",
    "authKey",
    "private_key",
    "privatekey",
    "privateKey",
    "credential",
    "kennwort",
    "contrase",
    "mot de passe",
    "mot_de_passe",
    "密码",
    "パスワード",
];

/// What the search for the variants of [`NAME_ROOTS`] looks for, in the same three cases: a
/// word each of them contains (`key` in `api_key`, `KEY` in `ACCESS_KEY`, `Key` in `authKey`,
/// `pass` in `mot de passe`). The 64 variants took the packed searcher's slower variant for
/// more than 32 literals; these are 26.
const NAME_KEYS: &[&str] =
    &["pass", "pwd", "secret", "token", "key", "credential", "kennwort", "contrase", "密码", "パスワード"];

/// `words` in lower, upper and title case, without repeats.
fn case_variants(words: &[&str]) -> Vec<String> {
    let mut variants: Vec<String> = words
        .iter()
        .flat_map(|word| {
            let mut title = word.chars();
            let title = title.next().map(|c| c.to_uppercase().chain(title).collect::<String>()).unwrap_or_default();
            [word.to_string(), word.to_uppercase(), title]
        })
        .collect();
    variants.sort();
    variants.dedup();
    variants
}

impl AssignmentFinder {
    pub(super) fn new() -> AssignmentFinder {
        let names = KeyedLiteralSet::new(&case_variants(NAME_ROOTS), &case_variants(NAME_KEYS));
        AssignmentFinder { names, words: NameWords::new() }
    }

    pub(super) fn detect(&self, text: &ScanText<'_>, out: &mut Vec<Candidate>) {
        let Some(words) = &self.words else { return };
        let mut resume = 0;
        for m in self.names.matches(text.text) {
            if m.start() < resume {
                continue;
            }
            let Some(assignment) = assignment_at(text, words, m.start(), m.end()) else { continue };
            resume = assignment.value.end;
            let value = text.slice(assignment.value.start, assignment.value.end);
            let password = assignment.password;
            if !secret_value(value, password) {
                continue;
            }
            let aws = || {
                let name = assignment.name.to_ascii_lowercase();
                name.contains("aws") && name.contains("secret")
            };
            let (rule, label) = if is_aws_secret(value) && aws() {
                ("secret.aws_secret_access_key", "AWS secret access key")
            } else if password {
                ("secret.password_assignment", "Password")
            } else {
                ("secret.generic_assignment", "Secret value")
            };
            let validation =
                if rule == "secret.aws_secret_access_key" { Validation::Format } else { Validation::Context };
            out.push(Candidate::builtin(Kind::Secret, rule, label, assignment.value, 0.85, Severity::High, validation));
        }
    }
}

/// The longest name an assignment may have, in bytes (its lower-case copy is on the stack).
const MAX_NAME_LEN: usize = 64;

struct Assignment<'t> {
    name: &'t str,
    /// The name holds a word of [`PASSWORD_NAMES`].
    password: bool,
    value: Span,
}

/// The assignment whose name contains the secret word at `word_start..word_end`.
fn assignment_at<'t>(
    text: &ScanText<'t>,
    words: &NameWords,
    word_start: usize,
    word_end: usize,
) -> Option<Assignment<'t>> {
    let bytes = text.bytes;
    let is_name = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.');
    // Names are ASCII identifiers, except the few non-ASCII secret words themselves.
    let mut name_start = word_start;
    while name_start > 0 && is_name(bytes[name_start - 1]) {
        name_start -= 1;
    }
    // Forwards, Latin letters too: the root "contrase" must grow into "contraseña".
    let name_end = word_end
        + text.text[word_end..]
            .chars()
            .take_while(|&c| {
                (c.is_ascii() && is_name(c as u8) && c != '.') || (c.is_alphabetic() && (c as u32) < 0x250)
            })
            .map(char::len_utf8)
            .sum::<usize>();
    let name = &text.text[name_start..name_end];
    if name.len() > MAX_NAME_LEN {
        return None;
    }
    // name, closing quote, spaces, operator, spaces, opening quote.
    let mut at = name_end;
    if matches!(bytes.get(at), Some(b'"' | b'\'')) {
        at += 1;
    }
    at = skip_spaces(bytes, at);
    let operator_len = match (bytes.get(at), bytes.get(at + 1)) {
        (Some(b'='), Some(b'=')) | (Some(b'!'), Some(b'=')) => return None,
        (Some(b':'), Some(b'=')) | (Some(b'='), Some(b'>')) => 2,
        (Some(b'=' | b':'), _) => 1,
        _ => {
            // Prose: "password is Summer2024!" / "le mot de passe est …"
            let rest = text.text.get(at..)?;
            ["is ", "est ", "ist ", "es ", "是", "は"].iter().find(|w| rest.starts_with(**w)).map(|w| w.len())?
        }
    };
    // Only now that an assignment is certain, the name itself (most secret words in a text
    // are not followed by one).
    let mut lower = [0u8; MAX_NAME_LEN];
    let lower = &mut lower[..name.len()];
    lower.copy_from_slice(name.as_bytes());
    lower.make_ascii_lowercase();
    let kind = words.classify(lower);
    if !kind.secret || kind.not_secret {
        return None;
    }
    at = skip_spaces(bytes, at + operator_len);
    let quote = bytes.get(at).copied().filter(|b| matches!(b, b'"' | b'\'' | b'`'));
    if quote.is_some() {
        at += 1;
    }
    let value_start = at;
    let mut end = at;
    match quote {
        Some(q) => {
            while end < bytes.len() && bytes[end] != q && bytes[end] != b'\n' {
                end += 1;
            }
            if bytes.get(end) != Some(&q) {
                return None;
            }
        }
        None => {
            while end < bytes.len()
                && !bytes[end].is_ascii_whitespace()
                && !matches!(bytes[end], b',' | b';' | b')' | b'}' | b']')
            {
                end += 1;
            }
            // A sentence's full stop is not part of the password.
            while end > value_start && bytes[end - 1] == b'.' {
                end -= 1;
            }
        }
    }
    let end = super::super::text::floor_char_boundary(text.text, end);
    (end > value_start).then(|| Assignment { name, password: kind.password, value: Span::new(value_start, end) })
}

fn skip_spaces(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() && (bytes[at] == b' ' || bytes[at] == b'\t') {
        at += 1;
    }
    at
}

/// How code that reads a secret from somewhere else starts (in any case): such a value is not
/// the secret itself.
const CODE_PREFIXES: &[&str] = &[
    "process.env",
    "os.environ",
    "os.getenv",
    "env(",
    "env.",
    "config.",
    "settings.",
    "self.",
    "this.",
    "http",
    "secrets.",
    "vault:",
    "arn:",
];

/// Whether `value` is worth reporting as a secret.
fn secret_value(value: &str, password: bool) -> bool {
    let len = value.chars().count();
    let min_len = if password { 8 } else { 12 };
    if len < min_len || len > 200 || is_placeholder(value) || value.contains(char::is_whitespace) {
        return false;
    }
    let starts_with =
        |prefix: &str| value.as_bytes().get(..prefix.len()).is_some_and(|v| v.eq_ignore_ascii_case(prefix.as_bytes()));
    let looks_like_code = CODE_PREFIXES.iter().any(|prefix| starts_with(prefix))
        || value.contains('(')
        || value.contains("${")
        || value.contains("{{");
    if looks_like_code {
        return false;
    }
    // A plain identifier (`user_password`, `getToken`) is a variable, not a value.
    let identifier = value.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_' || b == b'.');
    if identifier {
        return false;
    }
    let classes = [
        value.bytes().any(|b| b.is_ascii_lowercase()),
        value.bytes().any(|b| b.is_ascii_uppercase()),
        value.bytes().any(|b| b.is_ascii_digit()),
        value.bytes().any(|b| !b.is_ascii_alphanumeric()),
    ]
    .iter()
    .filter(|&&c| c)
    .count();
    let entropy = shannon_entropy(value);
    if password {
        classes >= 2 && entropy >= 2.5
    } else {
        classes >= 2 && entropy >= 3.0 + if len >= 20 { 0.3 } else { 0.0 }
    }
}

/// Forty base64 characters: the shape of an AWS secret access key.
fn is_aws_secret(value: &str) -> bool {
    value.len() == 40 && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'/' || b == b'+')
}

/// Shannon entropy of `value`'s bytes, in bits per byte.
fn shannon_entropy(value: &str) -> f32 {
    // Values are at most 200 chars, 800 bytes: a count fits in 16 bits.
    let mut counts = [0u16; 256];
    // Which bytes occur, so that only those are summed (a value holds a few dozen of the 256),
    // in byte order as a pass over every count would sum them.
    let mut present = [0u64; 4];
    for b in value.bytes() {
        counts[usize::from(b)] += 1;
        present[usize::from(b / 64)] |= 1 << (b % 64);
    }
    let len = value.len() as f32;
    // A byte's term depends on its count only, and most bytes of a value occur once or twice:
    // each small count's term is computed once (the same number, so the same sum), saving
    // most of the calls to `log2`.
    let mut small_terms = [f32::NAN; 8];
    let term = |count: u16| {
        let p = f32::from(count) / len;
        -p * p.log2()
    };
    let mut entropy = 0.0;
    for (block, mut bits) in present.into_iter().enumerate() {
        while bits != 0 {
            let count = counts[block * 64 + bits.trailing_zeros() as usize];
            entropy += match small_terms.get_mut(usize::from(count)) {
                Some(known) if !known.is_nan() => *known,
                Some(unknown) => {
                    *unknown = term(count);
                    *unknown
                }
                None => term(count),
            };
            bits &= bits - 1;
        }
    }
    entropy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_keys_find_every_variant_of_the_name_roots_as_a_search_for_them_does() {
        let variants = case_variants(NAME_ROOTS);
        let keys = case_variants(NAME_KEYS);
        for variant in &variants {
            assert!(keys.iter().any(|k| variant.contains(k.as_str())), "{variant} holds no key");
        }
        for a in &keys {
            assert!(!keys.iter().any(|b| b != a && b.starts_with(a.as_str())), "{a} starts another key");
        }
        let automaton = AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&variants).unwrap();
        let spans = |m: aho_corasick::Match| (m.start(), m.end(), m.pattern().as_usize());
        let names = KeyedLiteralSet::new(&variants, &keys);
        let mut text = variants.join(" ") + &variants.concat() + &variants.join(".x_");
        text += "mot de PASSE Mot_de_pass api_Key monkey KEYS passpass tokenizer privateKEY apiKeY MOT DE passe";
        let expected: Vec<_> = automaton.find_iter(&text).map(spans).collect();
        assert_eq!(names.matches(&text).into_iter().map(spans).collect::<Vec<_>>(), expected);
    }

    #[test]
    fn entropy_is_summed_in_byte_order_over_the_bytes_present() {
        let by_every_count = |value: &str| {
            let mut counts = [0u32; 256];
            value.bytes().for_each(|b| counts[usize::from(b)] += 1);
            let len = value.len() as f32;
            counts.iter().filter(|&&c| c > 0).map(|&c| c as f32 / len).map(|p| -p * p.log2()).sum::<f32>()
        };
        for value in [
            "AKIAIOSFODNN7EXAMPLE",
            "Summer2024!",
            "aaaaaaaa",
            "zq~ZQ~09éß密码\u{ff}",
            "x",
            "aabbccddeeffgg0011223344556677889999999999zzzzzzzzzzzzzzzzzzz",
        ] {
            assert_eq!(shannon_entropy(value), by_every_count(value), "{value}");
        }
    }
}
