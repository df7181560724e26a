//! Provider-specific key formats. Every format starts with (or contains) a literal that the
//! provider put there so that keys can be recognised (`AKIA`, `ghp_`, `sk_live_`, `xoxb-`),
//! so one Aho-Corasick pass finds every place a key may start and a small anchored pattern
//! confirms it.

use crate::Severity;

/// One provider-specific key format.
#[derive(Debug)]
pub struct ProviderRule {
    /// Rule id, `secret.<provider>_<what>`.
    pub id: &'static str,
    /// What it is, for people.
    pub label: &'static str,
    /// Literals that occur in every key of this format.
    pub triggers: &'static [&'static str],
    /// How many bytes before the trigger the key may start (for formats whose literal is not a
    /// prefix).
    pub lead: usize,
    /// The key, anchored at its first byte (`\A`), ASCII only. A capture group, when there is
    /// one, is the secret part.
    pub pattern: &'static str,
    /// How bad a leak would be.
    pub severity: Severity,
    /// How sure a match is.
    pub confidence: f32,
}

const CRITICAL: Severity = Severity::Critical;

macro_rules! rule {
    ($id:literal, $label:literal, [$($t:literal),+], $pattern:literal) => {
        rule!($id, $label, [$($t),+], 0, $pattern, CRITICAL, 0.99)
    };
    ($id:literal, $label:literal, [$($t:literal),+], $lead:literal, $pattern:literal, $severity:expr, $confidence:literal) => {
        ProviderRule {
            id: $id,
            label: $label,
            triggers: &[$($t),+],
            lead: $lead,
            pattern: $pattern,
            severity: $severity,
            confidence: $confidence,
        }
    };
}

/// Every provider format Hush knows.
pub const PROVIDER_RULES: &[ProviderRule] = &[
    rule!(
        "secret.aws_access_key_id",
        "AWS access key id",
        ["AKIA", "ASIA", "ABIA", "ACCA"],
        r"\A(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}"
    ),
    rule!("secret.gcp_api_key", "Google Cloud API key", ["AIza"], r"\AAIza[0-9A-Za-z_\-]{35}"),
    rule!("secret.gcp_oauth_client_secret", "Google OAuth client secret", ["GOCSPX-"], r"\AGOCSPX-[0-9A-Za-z_\-]{28}"),
    rule!(
        "secret.gcp_oauth_access_token",
        "Google OAuth access token",
        ["ya29."],
        0,
        r"\Aya29\.[0-9A-Za-z_\-]{30,}",
        Severity::High,
        0.95
    ),
    rule!(
        "secret.azure_storage_account_key",
        "Azure storage account key",
        ["AccountKey="],
        r"\AAccountKey=([A-Za-z0-9+/]{86}==)"
    ),
    rule!(
        "secret.azure_client_secret",
        "Azure AD client secret",
        ["Q~"],
        4,
        r"\A[0-9A-Za-z_~.\-]{3}[0-9]Q~[0-9A-Za-z_~.\-]{31,34}",
        CRITICAL,
        0.95
    ),
    rule!(
        "secret.github_token",
        "GitHub token",
        ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"],
        r"\Agh[pousr]_[0-9A-Za-z]{36}"
    ),
    rule!(
        "secret.github_fine_grained_token",
        "GitHub fine-grained token",
        ["github_pat_"],
        r"\Agithub_pat_[0-9A-Za-z_]{82}"
    ),
    rule!(
        "secret.gitlab_token",
        "GitLab token",
        ["glpat-", "gldt-", "glrt-", "glptt-", "glcbt-"],
        r"\Agl(?:pat|dt|rt|ptt|cbt)-[0-9A-Za-z_\-]{20,64}"
    ),
    rule!(
        "secret.gitlab_runner_token",
        "GitLab runner registration token",
        ["GR1348941"],
        r"\AGR1348941[0-9A-Za-z_\-]{20}"
    ),
    rule!(
        "secret.slack_token",
        "Slack token",
        ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-"],
        r"\Axox[baprse]-[0-9]{8,14}-[0-9A-Za-z\-]{8,200}"
    ),
    rule!(
        "secret.slack_webhook",
        "Slack incoming webhook URL",
        ["https://hooks.slack.com/services/"],
        r"\Ahttps://hooks\.slack\.com/services/T[0-9A-Z]{8,12}/B[0-9A-Z]{8,12}/[0-9A-Za-z]{24}"
    ),
    rule!(
        "secret.stripe_live_secret_key",
        "Stripe live secret key",
        ["sk_live_", "rk_live_"],
        r"\A[sr]k_live_[0-9A-Za-z]{24,99}"
    ),
    rule!(
        "secret.stripe_test_secret_key",
        "Stripe test secret key",
        ["sk_test_", "rk_test_"],
        0,
        r"\A[sr]k_test_[0-9A-Za-z]{24,99}",
        Severity::High,
        0.97
    ),
    rule!(
        "secret.stripe_webhook_secret",
        "Stripe webhook signing secret",
        ["whsec_"],
        r"\Awhsec_[0-9A-Za-z+/=]{32,64}"
    ),
    rule!(
        "secret.openai_api_key",
        "OpenAI API key",
        ["sk-proj-", "sk-svcacct-", "sk-admin-"],
        r"\Ask-(?:proj|svcacct|admin)-[0-9A-Za-z_\-]{40,250}"
    ),
    rule!(
        "secret.openai_api_key",
        "OpenAI API key",
        ["T3BlbkFJ"],
        23,
        r"\Ask-[0-9A-Za-z_\-]{20}T3BlbkFJ[0-9A-Za-z_\-]{20,}",
        CRITICAL,
        0.99
    ),
    rule!(
        "secret.anthropic_api_key",
        "Anthropic API key",
        ["sk-ant-"],
        r"\Ask-ant-(?:api|admin|oat|sid)[0-9]{2}-[0-9A-Za-z_\-]{80,120}"
    ),
    rule!(
        "secret.moonshot_api_key",
        "Moonshot (Kimi) or compatible API key",
        ["sk-"],
        0,
        r"\Ask-[0-9A-Za-z]{32,64}",
        CRITICAL,
        0.9
    ),
    rule!("secret.huggingface_token", "Hugging Face token", ["hf_", "api_org_"], r"\A(?:hf_|api_org_)[A-Za-z]{34}"),
    rule!("secret.twilio_api_key", "Twilio API key", ["SK"], 0, r"\ASK[0-9a-f]{32}", CRITICAL, 0.9),
    rule!("secret.twilio_account_sid", "Twilio account SID", ["AC"], 0, r"\AAC[0-9a-f]{32}", Severity::Medium, 0.85),
    rule!("secret.sendgrid_api_key", "SendGrid API key", ["SG."], r"\ASG\.[0-9A-Za-z_\-]{22}\.[0-9A-Za-z_\-]{43}"),
    rule!("secret.npm_token", "npm access token", ["npm_"], r"\Anpm_[0-9A-Za-z]{36}"),
    rule!(
        "secret.pypi_token",
        "PyPI API token",
        ["pypi-AgEIcHlwaS5vcmc"],
        r"\Apypi-AgEIcHlwaS5vcmc[0-9A-Za-z_\-]{50,}"
    ),
    rule!(
        "secret.shopify_token",
        "Shopify access token",
        ["shpat_", "shpss_", "shpca_", "shppa_"],
        r"\Ashp(?:at|ss|ca|pa)_[0-9a-fA-F]{32}"
    ),
    rule!("secret.digitalocean_token", "DigitalOcean token", ["dop_v1_", "doo_v1_"], r"\Ado[op]_v1_[0-9a-f]{64}"),
];

/// Whether `value` mixes character classes the way random keys do: at least two of lower case,
/// upper case and digits, and a digit somewhere (`sk-abcdefghijklmnopqrstuvwxyzabcdef` is prose).
pub fn looks_random(value: &str) -> bool {
    let lower = value.bytes().any(|b| b.is_ascii_lowercase());
    let upper = value.bytes().any(|b| b.is_ascii_uppercase());
    let digit = value.bytes().any(|b| b.is_ascii_digit());
    digit && (lower || upper)
}
