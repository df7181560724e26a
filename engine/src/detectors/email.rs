//! Email addresses.
//!
//! Every address holds an `@`, so the detector looks only around each `@` instead of running a
//! pattern over the whole text: left over the local part (RFC 5322's dot-atom, no quoted forms:
//! nobody pastes those), right over the domain's labels, which must end in an alphabetic
//! top-level domain of two letters or more. Letters and digits of any script are allowed in both
//! parts (EAI addresses such as 用户@例子.广告 exist).

use super::text::{Literal, ScanText};
use super::{Candidate, Detector, Validation};
use crate::{Kind, Severity, Span};

/// Finds email addresses whose domain has a plausible top-level domain.
#[derive(Debug)]
pub struct EmailDetector {
    at_sign: Literal,
}

impl EmailDetector {
    /// The detector.
    pub fn new() -> EmailDetector {
        EmailDetector { at_sign: Literal::new("@") }
    }
}

impl Default for EmailDetector {
    fn default() -> Self {
        EmailDetector::new()
    }
}

impl Detector for EmailDetector {
    fn id(&self) -> &'static str {
        "email"
    }

    fn label(&self) -> &'static str {
        "Email addresses"
    }

    fn detect(&self, scan: &ScanText<'_>, out: &mut Vec<Candidate>) {
        let text = scan.text;
        let mut resume = 0;
        let mut from = 0;
        while let Some(at) = self.at_sign.find(text, from) {
            from = at + 1;
            let Some(start) = local_part_start(text, at, resume) else { continue };
            let Some(end) = domain_end(text, at + 1) else { continue };
            out.push(Candidate::builtin(
                Kind::Email,
                "email",
                "Email address",
                Span::new(start, end),
                0.95,
                Severity::Medium,
                Validation::Format,
            ));
            resume = end;
            from = end;
        }
    }
}

fn is_atom_char(c: char) -> bool {
    c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c)
}

/// Where the local part before the `@` at `at` starts: a run of atoms separated by single dots,
/// not reaching back before `floor` (the end of the previous address).
fn local_part_start(text: &str, at: usize, floor: usize) -> Option<usize> {
    let mut start = at;
    for (i, c) in text[floor..at].char_indices().rev() {
        let i = floor + i;
        if is_atom_char(c) {
            start = i;
        } else if c == '.' && i > floor && start == i + 1 {
            // A dot must sit between two atom characters.
            let before = text[floor..i].chars().next_back();
            if !before.is_some_and(is_atom_char) {
                break;
            }
            start = i;
        } else {
            break;
        }
    }
    (start < at && !text[start..].starts_with('.')).then_some(start)
}

/// Where the domain starting at `from` ends: labels of letters, digits and inner hyphens joined
/// by dots, the last one alphabetic and two to 63 letters long. The longest such domain wins.
fn domain_end(text: &str, from: usize) -> Option<usize> {
    let mut end = None;
    let mut label_len = 0;
    let mut label_alphabetic = true;
    let mut last_hyphen = false;
    let mut dots = 0;
    let mut chars = text[from..].char_indices().map(|(i, c)| (from + i, c)).peekable();
    loop {
        let next = chars.peek().copied();
        match next {
            Some((_, c)) if c.is_alphanumeric() && label_len < 63 => {
                label_len += 1;
                label_alphabetic &= c.is_alphabetic();
                last_hyphen = false;
                chars.next();
                continue;
            }
            _ => {}
        }
        // The current label ends here, for now: is it a top-level domain?
        let position = next.map_or(text.len(), |(i, _)| i);
        if dots > 0 && label_alphabetic && label_len >= 2 && !last_hyphen {
            end = Some(position);
        }
        match next {
            Some((_, '-')) if label_len > 0 => {
                label_len += 1;
                label_alphabetic = false;
                last_hyphen = true;
            }
            Some((_, '.')) if label_len > 0 && !last_hyphen => {
                dots += 1;
                label_len = 0;
                label_alphabetic = true;
            }
            _ => return end,
        }
        chars.next();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        EmailDetector::new().detect(&ScanText::new(text), &mut out);
        out.iter().map(|c| &text[c.bytes.start..c.bytes.end]).collect()
    }

    #[test]
    fn finds_plain_addresses() {
        assert_eq!(found("write to jane.doe+work@acme-corp.co.uk today"), ["jane.doe+work@acme-corp.co.uk"]);
        assert_eq!(found("<ana@example.org>, bob@example.com."), ["ana@example.org", "bob@example.com"]);
    }

    #[test]
    fn finds_addresses_in_cjk_text() {
        assert_eq!(found("请发邮件到 li.wei@example.cn 谢谢"), ["li.wei@example.cn"]);
        assert_eq!(found("用户@例子.广告"), ["用户@例子.广告"]);
    }

    #[test]
    fn ignores_handles_versions_and_broken_addresses() {
        assert!(found("@jane said npm i foo@1.2.3 works").is_empty());
        assert!(found("a@b .c, x@-y.com, .@x.com, x@y").is_empty());
    }

    #[test]
    fn stops_at_a_trailing_hyphen_or_dot() {
        assert_eq!(found("ana@example.org-"), ["ana@example.org"]);
        assert_eq!(found("ana@example.org..."), ["ana@example.org"]);
    }
}
