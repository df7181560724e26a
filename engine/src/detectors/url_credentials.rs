//! URLs and connection strings that carry a password: `postgres://app:s3cr3t@db:5432/x`,
//! `Server=db;User Id=app;Password=s3cr3t;`, `https://host/login?user=a&password=s3cr3t`.
//! Documentation placeholders (`user:password@`, `<password>`, `${DB_PASS}`) are not reported.

use super::text::{Literal, ScanText};
use super::{Candidate, Detector, Validation};
use crate::{byte_flags, Kind, Severity, Span};

/// Finds credentials in URLs and connection strings.
#[derive(Debug)]
pub struct UrlCredentialsDetector {
    /// `password`-like keys in lower, upper and title case, each followed by `=` in the text.
    keys: Vec<String>,
    /// Which bytes end one of `keys`, and which come right before the last byte of one.
    key_ends: [bool; 256],
    key_penultimates: [bool; 256],
    /// `://`, where a URL's authority starts.
    scheme_end: Literal,
}

/// The keys of a password parameter (`password=…`), written before an `=`.
const PASSWORD_KEYS: &[&str] = &["password", "pwd", "passwd", "pass"];
/// Keys that make a `Password=` part of a connection string rather than of prose.
const CONNECTION_KEYS: &[&str] =
    &["server=", "data source=", "host=", "user id=", "uid=", "user=", "username=", "database=", "initial catalog="];

impl UrlCredentialsDetector {
    /// Compiles the detector.
    pub fn new() -> UrlCredentialsDetector {
        // Lower, upper and title case, compared case-sensitively: nobody writes `pAsSwOrD=`.
        let keys: Vec<String> = PASSWORD_KEYS
            .iter()
            .flat_map(|k| {
                [k.to_string(), k.to_ascii_uppercase(), format!("{}{}", k[..1].to_ascii_uppercase(), &k[1..])]
            })
            .collect();
        let mut key_ends = [false; 256];
        let mut key_penultimates = [false; 256];
        for key in &keys {
            if let [.., penultimate, last] = key.as_bytes() {
                key_ends[usize::from(*last)] = true;
                key_penultimates[usize::from(*penultimate)] = true;
            }
        }
        UrlCredentialsDetector { keys, key_ends, key_penultimates, scheme_end: Literal::new("://") }
    }
}

impl Default for UrlCredentialsDetector {
    fn default() -> Self {
        UrlCredentialsDetector::new()
    }
}

impl Detector for UrlCredentialsDetector {
    fn id(&self) -> &'static str {
        "url_credentials"
    }

    fn label(&self) -> &'static str {
        "Passwords in web addresses"
    }

    fn detect(&self, text: &ScanText<'_>, out: &mut Vec<Candidate>) {
        urls_with_userinfo(text, &self.scheme_end, out);
        // Every `=` in the text (the 64-byte sweep: `=` is too frequent in code and logs for
        // a search that stops at each one), and the key right before it, if it is one: no key
        // ends another, so each `=` ends one key at most.
        byte_flags::for_each_flagged(
            text.bytes,
            |_, b| byte_flags::lanes_equal(b, b'='),
            |equals| {
                let before = &text.bytes[..equals];
                // Most `=` follow two bytes that end no key (`request_id=` passes on its `d` but
                // not on its `i`): compare no strings there. Every key has two bytes at least.
                let ends_a_key = match before {
                    [.., penultimate, last] => {
                        self.key_ends[usize::from(*last)] && self.key_penultimates[usize::from(*penultimate)]
                    }
                    _ => false,
                };
                if !ends_a_key {
                    return;
                }
                if let Some(key) = self.keys.iter().find(|k| before.ends_with(k.as_bytes())) {
                    out.extend(password_parameter(text, equals - key.len(), equals + 1));
                }
            },
        );
    }
}

fn candidate(rule: &'static str, label: &'static str, span: Span) -> Candidate {
    Candidate::builtin(Kind::UrlCredentials, rule, label, span, 0.95, Severity::Critical, Validation::Format)
}

/// `scheme://user:password@host…`: the whole URL.
fn urls_with_userinfo(text: &ScanText<'_>, scheme_end: &Literal, out: &mut Vec<Candidate>) {
    let bytes = text.bytes;
    let mut from = 0;
    while let Some(sep) = scheme_end.find(text.text, from) {
        from = sep + 3;
        let mut start = sep;
        while start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || matches!(bytes[start - 1], b'+' | b'.' | b'-'))
        {
            start -= 1;
        }
        if sep - start < 2 || !bytes[start].is_ascii_alphabetic() {
            continue;
        }
        let authority_start = sep + 3;
        let mut at = authority_start;
        while at < bytes.len() && !is_url_end(bytes[at]) && !matches!(bytes[at], b'/' | b'@' | b'?' | b'#') {
            at += 1;
        }
        if bytes.get(at) != Some(&b'@') {
            continue;
        }
        let userinfo = &text.text[authority_start..at];
        let Some((_, password)) = userinfo.split_once(':') else { continue };
        if is_placeholder(password) {
            continue;
        }
        let mut end = at + 1;
        while end < bytes.len() && !is_url_end(bytes[end]) {
            end += 1;
        }
        while end > at + 1 && matches!(bytes[end - 1], b'.' | b',' | b';' | b':' | b')' | b']' | b'!' | b'?') {
            end -= 1;
        }
        if end == at + 1 {
            continue;
        }
        out.push(candidate("url_credentials.url", "URL with a password", Span::new(start, end)));
        from = end;
    }
}

fn is_url_end(b: u8) -> bool {
    b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b'<' | b'>' | b'`' | b'|' | b'\\')
}

/// The value of a `password=` key in a URL query or a connection string.
fn password_parameter(text: &ScanText<'_>, key_start: usize, value_start: usize) -> Option<Candidate> {
    let bytes = text.bytes;
    let before = text.byte_before(key_start);
    let in_query = matches!(before, Some(b'?' | b'&'));
    let in_connection = matches!(before, Some(b';' | b' ' | b'"' | b'\'') | None)
        && line_before(text, key_start).is_some_and(|line| {
            let lower = line.to_ascii_lowercase();
            lower.contains(';') && CONNECTION_KEYS.iter().any(|k| lower.contains(k))
        });
    if !in_query && !in_connection {
        return None;
    }
    let stop = |b: u8| {
        matches!(b, b'\n' | b'\r' | b'"' | b'\'' | b'`')
            || (b == b';' && in_connection)
            || (in_query && (b == b'&' || b == b'#' || b.is_ascii_whitespace()))
    };
    let mut end = value_start;
    while end < bytes.len() && !stop(bytes[end]) {
        end += 1;
    }
    while end > value_start && bytes[end - 1] == b' ' {
        end -= 1;
    }
    let value = &text.text[value_start..end];
    if value.len() < 4 || is_placeholder(value) {
        return None;
    }
    Some(if in_query {
        candidate("url_credentials.query_password", "Password in a URL", Span::new(value_start, end))
    } else {
        candidate("url_credentials.connection_string", "Password in a connection string", Span::new(value_start, end))
    })
}

/// The line up to `at`, at most 300 bytes of it.
fn line_before<'t>(text: &ScanText<'t>, at: usize) -> Option<&'t str> {
    let from = super::text::floor_char_boundary(text.text, at.saturating_sub(300));
    let window = &text.text[from..at];
    Some(window.rsplit_once('\n').map_or(window, |(_, line)| line))
}

/// Passwords that documentation writes in place of a real one.
const PLACEHOLDER_WORDS: &[&str] = &[
    "password",
    "pass",
    "passwd",
    "pwd",
    "secret",
    "changeme",
    "change_me",
    "mypassword",
    "your_password",
    "yourpassword",
    "pass123",
    "password123",
    "example",
    "redacted",
    "hidden",
    "none",
    "null",
    "xxx",
    "foo",
    "bar",
];

/// Whether a password is a documentation placeholder rather than a real one.
pub(crate) fn is_placeholder(value: &str) -> bool {
    // Compared in any ASCII case in place: a lower-cased copy was an allocation per value.
    let value = value.trim();
    let bytes = value.as_bytes();
    value.is_empty()
        || PLACEHOLDER_WORDS.iter().any(|w| value.eq_ignore_ascii_case(w))
        || matches!(bytes[0], b'<' | b'{' | b'$' | b'[')
        || bytes.get(..2).is_some_and(|b| b.eq_ignore_ascii_case(b"%s") || b == b"%(")
        || value.chars().all(|c| matches!(c.to_ascii_lowercase(), '*' | 'x' | '.' | '#' | '-' | '_' | '•'))
        || bytes.windows(4).any(|w| w.eq_ignore_ascii_case(b"your"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_placeholder_is_what_it_was_in_a_lower_cased_copy() {
        let by_copy = |value: &str| {
            let lower = value.trim().to_ascii_lowercase();
            lower.is_empty()
                || PLACEHOLDER_WORDS.contains(&lower.as_str())
                || ["<", "{", "$", "%s", "%(", "["].iter().any(|p| lower.starts_with(p))
                || lower.chars().all(|c| matches!(c, '*' | 'x' | '.' | '#' | '-' | '_' | '•'))
                || lower.contains("your")
        };
        for value in [
            "",
            "  ",
            " PassWord ",
            "CHANGEME",
            "%S",
            "%(x)",
            "${X}",
            "<pw>",
            "[x]",
            "{{x}}",
            "XxX.-",
            "•••",
            "x•é",
            "YourPass",
            "sk_yOuR",
            "Zq8v1xQ2pL",
            "pass1234",
            "é",
            "ÉXAMPLE",
            "example!",
            "%d",
            "null ",
        ] {
            assert_eq!(is_placeholder(value), by_copy(value), "{value:?}");
        }
    }

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        UrlCredentialsDetector::new().detect(&ScanText::new(text), &mut out);
        out.iter().map(|c| &text[c.bytes.start..c.bytes.end]).collect()
    }

    #[test]
    fn finds_urls_with_passwords() {
        assert_eq!(
            found("DATABASE_URL=postgres://app:Zq8%40v1x@db.internal:5432/prod."),
            ["postgres://app:Zq8%40v1x@db.internal:5432/prod"]
        );
        assert_eq!(found("redis://:hunter22@10.0.0.5:6379"), ["redis://:hunter22@10.0.0.5:6379"]);
        assert_eq!(
            found("\"mongodb+srv://svc:Tr0ub4dor@cluster0.example.net/db\""),
            ["mongodb+srv://svc:Tr0ub4dor@cluster0.example.net/db"]
        );
    }

    #[test]
    fn finds_passwords_in_connection_strings_and_queries() {
        assert_eq!(found("Server=db01;Database=crm;User Id=sa;Password=Pa55w0rd!2024;"), ["Pa55w0rd!2024"]);
        assert_eq!(found("GET /login?user=ana&password=s3cretVal&next=/"), ["s3cretVal"]);
    }

    #[test]
    fn ignores_placeholders_and_plain_urls() {
        for text in [
            "postgres://user:password@localhost/db",
            "mysql://root:<password>@localhost",
            "amqp://guest:${RABBIT_PASS}@mq",
            "https://example.com/a@b",
            "git@github.com:org/repo.git",
            "https://ana@example.com/",
            "Server=db;User Id=sa;Password=;",
            "the password=hunter2 in prose",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
