//! The one table that maps each tool's labels to Hush's kinds (the README shows it too).
//!
//! A label with no Hush kind (Presidio's ORGANIZATION or URL, say) is not scored per kind, but
//! still counts for any-kind coverage: it did cover the characters.

/// Whose labels a tool speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Labels {
    /// Hush's own kinds, native or wasm.
    Hush,
    /// Presidio's entity types.
    Presidio,
    /// detect-secrets' secret types.
    DetectSecrets,
    /// gitleaks' rule ids: every rule finds a secret.
    Gitleaks,
}

/// Hush's kinds (engine: `Kind::as_str`).
const HUSH: &[&str] = &[
    "EMAIL",
    "PHONE",
    "CREDIT_CARD",
    "IBAN",
    "NATIONAL_ID",
    "IP_ADDRESS",
    "SECRET",
    "URL_CREDENTIALS",
    "MONEY",
    "DATE_OF_BIRTH",
    "ADDRESS",
    "PERSON",
    "CLIENT_TERM",
    "CUSTOM",
];

/// Presidio's entity types (default English recognizers and spaCy's entities) and the Hush kind
/// each is closest to. DATE_TIME and LOCATION are broader than DATE_OF_BIRTH and ADDRESS: a date
/// that is not a birth date, or a city named alone, counts against Presidio's precision, as it
/// would be redacted in a prompt.
const PRESIDIO: &[(&str, &str)] = &[
    ("EMAIL_ADDRESS", "EMAIL"),
    ("EMAIL", "EMAIL"),
    ("PHONE_NUMBER", "PHONE"),
    ("CREDIT_CARD", "CREDIT_CARD"),
    ("IBAN_CODE", "IBAN"),
    ("US_BANK_NUMBER", "IBAN"),
    ("IP_ADDRESS", "IP_ADDRESS"),
    ("US_SSN", "NATIONAL_ID"),
    ("US_ITIN", "NATIONAL_ID"),
    ("US_PASSPORT", "NATIONAL_ID"),
    ("US_DRIVER_LICENSE", "NATIONAL_ID"),
    ("UK_NHS", "NATIONAL_ID"),
    ("ID", "NATIONAL_ID"),
    ("DATE_TIME", "DATE_OF_BIRTH"),
    ("LOCATION", "ADDRESS"),
    ("PERSON", "PERSON"),
];

/// detect-secrets' types that are not plain secrets; every other type is a SECRET.
const DETECT_SECRETS: &[(&str, &str)] =
    &[("Basic Auth Credentials", "URL_CREDENTIALS"), ("Public IP (ipv4)", "IP_ADDRESS")];

impl Labels {
    /// The Hush kind of `label`, if it has one.
    pub fn kind(self, label: &str) -> Option<&'static str> {
        match self {
            Labels::Hush => HUSH.iter().copied().find(|k| *k == label),
            Labels::Presidio => PRESIDIO.iter().find(|(l, _)| *l == label).map(|(_, k)| *k),
            Labels::DetectSecrets => {
                Some(DETECT_SECRETS.iter().find(|(l, _)| *l == label).map_or("SECRET", |(_, k)| k))
            }
            Labels::Gitleaks => Some("SECRET"),
        }
    }

    /// Whether any label of the tool maps to `kind`: a tool is not scored on kinds it never reports.
    pub fn reports(self, kind: &str) -> bool {
        match self {
            Labels::Hush => HUSH.contains(&kind),
            Labels::Presidio => PRESIDIO.iter().any(|(_, k)| *k == kind),
            Labels::DetectSecrets => kind == "SECRET" || DETECT_SECRETS.iter().any(|(_, k)| *k == kind),
            Labels::Gitleaks => kind == "SECRET",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_map_to_hush_kinds() {
        assert_eq!(Labels::Hush.kind("IBAN"), Some("IBAN"));
        assert_eq!(Labels::Hush.kind("iban"), None);
        assert_eq!(Labels::Presidio.kind("IBAN_CODE"), Some("IBAN"));
        assert_eq!(Labels::Presidio.kind("ORGANIZATION"), None);
        assert_eq!(Labels::DetectSecrets.kind("Basic Auth Credentials"), Some("URL_CREDENTIALS"));
        assert_eq!(Labels::DetectSecrets.kind("AWS Access Key"), Some("SECRET"));
        assert_eq!(Labels::Gitleaks.kind("generic-api-key"), Some("SECRET"));
    }

    #[test]
    fn every_mapped_kind_is_a_hush_kind() {
        for (_, kind) in PRESIDIO.iter().chain(DETECT_SECRETS) {
            assert!(HUSH.contains(kind), "{kind}");
        }
        assert!(Labels::Presidio.reports("ADDRESS") && !Labels::Presidio.reports("SECRET"));
        assert!(Labels::DetectSecrets.reports("SECRET") && !Labels::DetectSecrets.reports("EMAIL"));
    }
}
