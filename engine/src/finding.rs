//! What a scan returns.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// The category of sensitive content a finding belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Kind {
    /// An email address.
    Email,
    /// A telephone number.
    Phone,
    /// A payment card number.
    CreditCard,
    /// An international bank account number, or another bank identifier with a check digit
    /// (a US routing number).
    Iban,
    /// A national identity or tax number.
    NationalId,
    /// An IPv4 or IPv6 address.
    IpAddress,
    /// An API key, token, password or private key.
    Secret,
    /// A URL or connection string that carries credentials.
    UrlCredentials,
    /// An amount of money with its currency.
    Money,
    /// A date of birth.
    DateOfBirth,
    /// A postal address.
    Address,
    /// A person's name.
    Person,
    /// A term from a client dictionary.
    ClientTerm,
    /// A match of a user-defined rule.
    Custom,
}

impl Kind {
    /// The kind's stable name, as it appears in JSON and in placeholders (`"EMAIL"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Email => "EMAIL",
            Kind::Phone => "PHONE",
            Kind::CreditCard => "CREDIT_CARD",
            Kind::Iban => "IBAN",
            Kind::NationalId => "NATIONAL_ID",
            Kind::IpAddress => "IP_ADDRESS",
            Kind::Secret => "SECRET",
            Kind::UrlCredentials => "URL_CREDENTIALS",
            Kind::Money => "MONEY",
            Kind::DateOfBirth => "DATE_OF_BIRTH",
            Kind::Address => "ADDRESS",
            Kind::Person => "PERSON",
            Kind::ClientTerm => "CLIENT_TERM",
            Kind::Custom => "CUSTOM",
        }
    }
}

/// How bad it would be for a finding to leave the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look (a date of birth, an address).
    Low,
    /// Personal data (an email address, a phone number).
    Medium,
    /// Damaging on its own (a card number, a national id).
    High,
    /// Grants access to something (a live secret key).
    Critical,
}

/// A half-open range `[start, end)` of offsets in some unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First offset inside the range.
    pub start: usize,
    /// First offset past the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Whether the two spans share at least one offset.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Number of offsets in the span.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span holds no offset.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// One piece of sensitive content found in a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// What it is.
    pub kind: Kind,
    /// The id of the rule that fired (`"email"`, `"secret.aws_access_key"`). Built-in rules
    /// borrow their id, so a scan allocates nothing for it.
    pub rule: Cow<'static, str>,
    /// What it is, for people: "Email address", "Stripe live secret key".
    pub label: Cow<'static, str>,
    /// Where it is, in UTF-8 byte offsets into the scanned text.
    pub bytes: Span,
    /// Where it is, in UTF-16 code units: what JavaScript string indices use.
    pub utf16: Span,
    /// How sure the detector is, from 0 to 1.
    pub confidence: f32,
    /// How bad a leak would be.
    pub severity: Severity,
    /// The id of the client whose dictionary or pattern matched (for `CLIENT_TERM` and `CUSTOM`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client: Option<String>,
    /// The word the user chose to stand for this finding in placeholders (`"ACME"` gives
    /// `"[ACME]"`), when there is one: a client's alias.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
}
