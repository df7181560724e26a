//! Secrets: provider-specific keys and tokens whose format identifies them.

use regex::Regex;

use super::text::ScanText;
use super::{Candidate, Detector, Validation};
use crate::{Kind, Severity, Span};

/// One provider-specific key format.
#[derive(Debug)]
struct SecretRule {
    id: &'static str,
    label: &'static str,
    pattern: Regex,
}

/// Finds API keys and tokens by their provider-specific formats.
#[derive(Debug)]
pub struct SecretDetector {
    rules: Vec<SecretRule>,
}

/// `(rule id, label, pattern)`: each pattern is anchored on word boundaries so that a key inside a
/// longer token is not reported.
const RULES: &[(&str, &str, &str)] = &[
    ("secret.aws_access_key_id", "AWS access key id", r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    ("secret.github_token", "GitHub token", r"\bgh[pousr]_[0-9A-Za-z]{36}\b"),
    ("secret.stripe_live_secret_key", "Stripe live secret key", r"\bsk_live_[0-9A-Za-z]{24,99}\b"),
    ("secret.openai_api_key", "OpenAI API key", r"\bsk-(?:proj-)?[0-9A-Za-z_-]{20,}T3BlbkFJ[0-9A-Za-z_-]{20,}\b"),
    ("secret.anthropic_api_key", "Anthropic API key", r"\bsk-ant-(?:api|admin)\d{2}-[0-9A-Za-z_-]{80,120}\b"),
];

impl SecretDetector {
    /// Compiles the detector.
    pub fn new() -> SecretDetector {
        let rules = RULES
            .iter()
            .map(|&(id, label, pattern)| SecretRule {
                id,
                label,
                pattern: Regex::new(pattern).expect("secret pattern compiles"),
            })
            .collect();
        SecretDetector { rules }
    }
}

impl Default for SecretDetector {
    fn default() -> Self {
        SecretDetector::new()
    }
}

impl Detector for SecretDetector {
    fn id(&self) -> &'static str {
        "secret"
    }

    fn detect(&self, scan: &ScanText<'_>, out: &mut Vec<Candidate>) {
        let text = scan.text;
        for rule in &self.rules {
            for m in rule.pattern.find_iter(text) {
                out.push(Candidate::builtin(
                    Kind::Secret,
                    rule.id,
                    rule.label,
                    Span::new(m.start(), m.end()),
                    0.99,
                    Severity::Critical,
                    Validation::Format,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_found(text: &str) -> Vec<std::borrow::Cow<'static, str>> {
        let mut out = Vec::new();
        SecretDetector::new().detect(&ScanText::new(text), &mut out);
        out.iter().map(|c| c.rule.clone()).collect()
    }

    #[test]
    fn finds_aws_access_key_ids() {
        assert_eq!(rules_found("key=AKIAIOSFODNN7EXAMPLE"), ["secret.aws_access_key_id"]);
    }

    #[test]
    fn finds_github_tokens() {
        assert_eq!(rules_found("token ghp_0123456789abcdefghijABCDEFGHIJ012345 here"), ["secret.github_token"]);
    }

    #[test]
    fn ignores_near_misses() {
        assert!(rules_found("AKIAIOSFODNN7EXAMPL ghp_short sk_test_abc").is_empty());
    }
}
