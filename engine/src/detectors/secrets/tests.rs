use super::*;

fn found(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    SecretDetector::new().detect(&ScanText::new(text), &mut out);
    out.sort_by_key(|c| c.bytes.start);
    out.iter().map(|c| (c.rule.replace("secret.", ""), text[c.bytes.start..c.bytes.end].to_string())).collect()
}

fn rules(text: &str) -> Vec<String> {
    found(text).into_iter().map(|(r, _)| r).collect()
}

#[test]
fn every_provider_pattern_compiles() {
    let detector = SecretDetector::new();
    assert!(detector.patterns.iter().all(Option::is_some));
}

#[test]
fn finds_provider_keys() {
    for (text, rule) in [
        ("key=AKIAIOSFODNN7EXAMPLE", "aws_access_key_id"),
        ("AIzaSyD3xXk1vQm9Zq8pL2wT5yU7iO0aS4dF6gH", "gcp_api_key"),
        ("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", "gcp_oauth_client_secret"),
        ("token ghp_0123456789abcdefghijABCDEFGHIJ012345 here", "github_token"),
        ("glpat-x8Yz3AbC9dEf2GhI5jKl", "gitlab_token"),
        ("xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "slack_token"),
        ("sk_live_4eC39HqLyjWDarjtT1zdp7dc", "stripe_live_secret_key"),
        ("sk_test_4eC39HqLyjWDarjtT1zdp7dc", "stripe_test_secret_key"),
        ("sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn", "openai_api_key"),
        ("sk-fQ3kZ8mN2pR7vX1cB6hJ9wL4tY0aS5dG8eU2iO7qW3zK6nM1", "moonshot_api_key"),
        ("hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh", "huggingface_token"),
        ("SK0123456789abcdef0123456789abcdef", "twilio_api_key"),
        ("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", "sendgrid_api_key"),
        ("npm_0123456789abcdefghijABCDEFGHIJ012345", "npm_token"),
        ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", "jwt"),
    ] {
        assert_eq!(rules(text), [rule], "{text}");
    }
}

#[test]
fn a_legacy_openai_key_also_fits_the_generic_sk_format() {
    // Overlap resolution keeps the OpenAI finding: it is more confident.
    let all = SecretDetector::new();
    let mut out = Vec::new();
    all.detect(&ScanText::new("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"), &mut out);
    out.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    let rules: Vec<&str> = out.iter().map(|c| c.rule.as_ref()).collect();
    assert_eq!(rules, ["secret.openai_api_key", "secret.moonshot_api_key"]);
}

#[test]
fn finds_the_secret_part_of_an_azure_connection_string() {
    let key = format!("{}==", "a1B2".repeat(21) + "c3");
    let text =
        format!("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={key};EndpointSuffix=core.windows.net");
    assert_eq!(found(&text), [("azure_storage_account_key".to_string(), key)]);
}

#[test]
fn finds_private_key_blocks_whole() {
    let body = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n";
    let text = format!("here:\n-----BEGIN RSA PRIVATE KEY-----\n{body}-----END RSA PRIVATE KEY-----\nthanks");
    let all = found(&text);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].0, "pem_private_key");
    assert!(all[0].1.starts_with("-----BEGIN") && all[0].1.ends_with("KEY-----"));
    let openssh = format!("-----BEGIN OPENSSH PRIVATE KEY-----\n{body}");
    assert_eq!(rules(&openssh), ["openssh_private_key"]);
    assert!(found("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----").is_empty());
}

#[test]
fn finds_random_values_assigned_to_secret_names() {
    assert_eq!(found("DB_PASSWORD=Xk9#mQ2v!Lp7"), [("password_assignment".to_string(), "Xk9#mQ2v!Lp7".to_string())]);
    assert_eq!(
        found(r#"{"apiKey": "a8F3kL9qZ2xW7vB1nM4c"}"#),
        [("generic_assignment".to_string(), "a8F3kL9qZ2xW7vB1nM4c".to_string())]
    );
    assert_eq!(
        found("my password is Summer2024!x."),
        [("password_assignment".to_string(), "Summer2024!x".to_string())]
    );
    assert_eq!(rules("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), ["aws_secret_access_key"]);
}

#[test]
fn ignores_placeholders_variables_and_low_entropy_values() {
    for text in [
        "password = \"changeme\"",
        "password: ${DB_PASSWORD}",
        "token = os.getenv(\"TOKEN\")",
        "const token = getToken();",
        "api_key = user_api_key",
        "password: <your password here>",
        "secret = aaaaaaaaaaaaaaaa",
        "if password == expected_password:",
        "max_tokens = 4096",
        "token_type: bearer",
        "the password is required",
        "AKIAIOSFODNN7EXAMPL",
        "ghp_short sk_test_abc",
        "xAKIAIOSFODNN7EXAMPLE",
        "sk-abcdefghijklmnopqrstuvwxyzabcdefghijkl",
    ] {
        assert!(found(text).is_empty(), "{text}: {:?}", found(text));
    }
}

#[test]
fn no_start_literal_overlaps_another_or_itself() {
    // So that the one leftmost search over them finds every occurrence of each.
    let short_triggers = PROVIDER_RULES.iter().flat_map(|r| r.triggers).filter(|t| t.len() <= 2);
    let literals: Vec<&str> = [blocks::BEGIN, blocks::JWT_START].into_iter().chain(short_triggers.copied()).collect();
    for a in &literals {
        for b in &literals {
            let overlap = (1..a.len()).any(|k| b.starts_with(&a[k..]) || a[k..].contains(b));
            assert!(!overlap && (a == b || !a.contains(b)), "{a} and {b}");
        }
    }
}
