//! Email addresses.

use regex::Regex;

use super::text::ScanText;
use super::{Candidate, Detector, Validation};
use crate::{Kind, Severity, Span};

/// Finds email addresses whose domain has a plausible top-level domain.
#[derive(Debug)]
pub struct EmailDetector {
    pattern: Regex,
}

impl EmailDetector {
    /// Compiles the detector.
    pub fn new() -> EmailDetector {
        // Local part per RFC 5322's dot-atom (no quoted forms: nobody pastes those), a domain of
        // labels, and an alphabetic TLD of two letters or more. Unicode letters are allowed in
        // both parts (EAI addresses such as 用户@例子.广告 exist).
        let pattern = Regex::new(
            r"(?x)
            [\p{L}\p{N}!\#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!\#$%&'*+/=?^_`{|}~-]+)*
            @
            (?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+
            \p{L}{2,63}
            ",
        )
        .expect("email pattern compiles");
        EmailDetector { pattern }
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

    fn detect(&self, scan: &ScanText<'_>, out: &mut Vec<Candidate>) {
        let text = scan.text;
        for m in self.pattern.find_iter(text) {
            out.push(Candidate::builtin(
                Kind::Email,
                "email",
                "Email address",
                Span::new(m.start(), m.end()),
                0.95,
                Severity::Medium,
                Validation::Format,
            ));
        }
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
    }

    #[test]
    fn finds_addresses_in_cjk_text() {
        assert_eq!(found("请发邮件到 li.wei@example.cn 谢谢"), ["li.wei@example.cn"]);
    }

    #[test]
    fn ignores_handles_and_versions() {
        assert!(found("@jane said npm i foo@1.2.3 works").is_empty());
    }
}
