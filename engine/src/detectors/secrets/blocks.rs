//! Private key blocks (PEM, OpenSSH, PGP) and JSON Web Tokens: secrets with a structure that
//! can be checked beyond a prefix.

use super::super::text::ScanText;
use super::super::{Candidate, Validation};
use crate::{Kind, Severity, Span};

pub(super) const BEGIN: &str = "-----BEGIN ";
const DASHES: &str = "-----";
/// `{"` in base64url: every JSON Web Token's header starts so.
pub(super) const JWT_START: &str = "eyJ";
/// A documentation snippet (`-----BEGIN RSA PRIVATE KEY-----\n...`) is not a key.
const MIN_KEY_BODY: usize = 40;

/// Appends every private key block in `text`; `begins` are the offsets of [`BEGIN`] in it.
pub(super) fn private_keys(text: &ScanText<'_>, begins: &[usize], out: &mut Vec<Candidate>) {
    let s = text.text;
    let mut from = 0;
    for &start in begins {
        if start < from {
            continue;
        }
        from = start + BEGIN.len();
        let Some(label_len) = s[from..].find(DASHES) else { break };
        let label = &s[from..from + label_len];
        if label.len() > 40 || !(label.ends_with("PRIVATE KEY") || label.ends_with("PRIVATE KEY BLOCK")) {
            continue;
        }
        let body_start = from + label_len + DASHES.len();
        let end_marker = format!("-----END {label}-----");
        let (body_end, end) = match s[body_start..].find(&end_marker) {
            Some(at) => (body_start + at, body_start + at + end_marker.len()),
            None => {
                let body_end = truncated_body_end(s, body_start);
                (body_end, body_end)
            }
        };
        let body =
            s[body_start..body_end].bytes().filter(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/')).count();
        if body < MIN_KEY_BODY {
            continue;
        }
        let (rule, label) = if label.starts_with("OPENSSH") {
            ("secret.openssh_private_key", "OpenSSH private key")
        } else if label.starts_with("PGP") {
            ("secret.pgp_private_key", "PGP private key")
        } else {
            ("secret.pem_private_key", "Private key (PEM)")
        };
        out.push(Candidate::builtin(
            Kind::Secret,
            rule,
            label,
            Span::new(start, end),
            0.99,
            Severity::Critical,
            Validation::Format,
        ));
        from = end;
    }
}

/// Where the body of a key block with no END line stops: after the last line of base64 (or of
/// the `Proc-Type:`/`DEK-Info:` headers) that follows the BEGIN line.
fn truncated_body_end(s: &str, body_start: usize) -> usize {
    let mut end = body_start;
    let mut at = body_start;
    for line in s[body_start..].split_inclusive('\n') {
        let trimmed = line.trim();
        let base64 = trimmed.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='));
        let header = trimmed.starts_with("Proc-Type:") || trimmed.starts_with("DEK-Info:");
        if !(trimmed.is_empty() || base64 || header) {
            break;
        }
        at += line.len();
        if !trimmed.is_empty() {
            end = at - (line.len() - line.trim_end().len());
        }
    }
    end
}

/// Appends every JSON Web Token in `text`: three base64url segments whose header decodes to a
/// JSON object naming an algorithm or a type; `starts` are the offsets of [`JWT_START`] in it.
pub(super) fn json_web_tokens(text: &ScanText<'_>, starts: &[usize], out: &mut Vec<Candidate>) {
    let s = text.text;
    let bytes = text.bytes;
    let mut from = 0;
    for &start in starts {
        if start < from {
            continue;
        }
        from = start + 3;
        if text.byte_before(start).is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.') {
            continue;
        }
        let segment = |at: usize| {
            let mut end = at;
            while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_' || bytes[end] == b'-')
            {
                end += 1;
            }
            end
        };
        let header_end = segment(start);
        if bytes.get(header_end) != Some(&b'.') || !s[header_end + 1..].starts_with(JWT_START) {
            continue;
        }
        let payload_end = segment(header_end + 1);
        if bytes.get(payload_end) != Some(&b'.') {
            continue;
        }
        let end = segment(payload_end + 1);
        let lengths_ok = header_end - start >= 10 && payload_end - header_end > 10 && end - payload_end > 16;
        if !lengths_ok || bytes.get(end) == Some(&b'.') {
            continue;
        }
        let header = base64url_decode(&s[start..header_end]);
        let is_jwt_header = header.as_deref().is_some_and(|h| {
            let h = String::from_utf8_lossy(h);
            h.trim_start().starts_with('{') && (h.contains("\"alg\"") || h.contains("\"typ\""))
        });
        if is_jwt_header {
            out.push(Candidate::builtin(
                Kind::Secret,
                "secret.jwt",
                "JSON Web Token",
                Span::new(start, end),
                0.97,
                Severity::High,
                Validation::Format,
            ));
            from = end;
        }
    }
}

/// Decodes unpadded base64url; `None` on a byte outside the alphabet.
fn base64url_decode(input: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len() * 3 / 4);
    let mut buffer = 0u32;
    let mut bits = 0;
    for b in input.bytes() {
        let value = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((buffer >> bits) & 0xFF).ok()?);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_base64url() {
        assert_eq!(base64url_decode("eyJhbGciOiJIUzI1NiJ9").unwrap(), br#"{"alg":"HS256"}"#);
        assert_eq!(base64url_decode("a$b"), None);
    }
}
