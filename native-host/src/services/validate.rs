//! Checks on what a request carries. Each failure names the field and says what is expected;
//! none repeats the value, which may be sensitive (a client's name, a term, a site).

use super::ServiceError;

fn invalid(field: &str, problem: impl Into<String>) -> ServiceError {
    ServiceError::Invalid { field: field.to_string(), problem: problem.into() }
}

/// A trimmed, non-empty text of at most `max_chars` characters without control characters.
pub fn text(field: &str, value: &str, max_chars: usize) -> Result<String, ServiceError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(invalid(field, "must not be empty"));
    }
    optional_text(field, trimmed, max_chars)
}

/// Like [`text`], but may be empty.
pub fn optional_text(field: &str, value: &str, max_chars: usize) -> Result<String, ServiceError> {
    let trimmed = value.trim();
    if trimmed.chars().count() > max_chars {
        return Err(invalid(field, format!("must be at most {max_chars} characters")));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(invalid(field, "must not contain control characters"));
    }
    Ok(trimmed.to_string())
}

/// A list of texts, trimmed, without empty entries or repeats (ignoring case), at most `max`.
pub fn text_list(field: &str, values: &[String], max: usize, max_chars: usize) -> Result<Vec<String>, ServiceError> {
    if values.len() > max {
        return Err(invalid(field, format!("must hold at most {max} entries")));
    }
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (i, value) in values.iter().enumerate() {
        if value.trim().is_empty() {
            continue;
        }
        let value = text(&format!("{field}[{i}]"), value, max_chars)?;
        if seen.insert(value.to_lowercase()) {
            out.push(value);
        }
    }
    Ok(out)
}

/// An id: a positive integer.
pub fn id(field: &str, value: i64) -> Result<i64, ServiceError> {
    if value > 0 {
        Ok(value)
    } else {
        Err(invalid(field, "must be a positive id"))
    }
}

/// A site's origin (`https://chat.example.com`, `http://127.0.0.1:8080`), lower-cased.
pub fn origin(field: &str, value: &str) -> Result<String, ServiceError> {
    let lower = value.trim().to_ascii_lowercase();
    let valid = lower.len() <= 255
        && lower.split_once("://").is_some_and(|(scheme, host)| {
            matches!(scheme, "http" | "https")
                && !host.is_empty()
                && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']' | '_'))
        });
    if valid {
        Ok(lower)
    } else {
        Err(invalid(field, "must be an origin such as https://chat.example.com (scheme and host, no path)"))
    }
}

/// A list of origins without repeats, at most `max`.
pub fn origins(field: &str, values: &[String], max: usize) -> Result<Vec<String>, ServiceError> {
    if values.len() > max {
        return Err(invalid(field, format!("must hold at most {max} entries")));
    }
    let mut out: Vec<String> = Vec::new();
    for (i, value) in values.iter().enumerate() {
        let origin = origin(&format!("{field}[{i}]"), value)?;
        if !out.contains(&origin) {
            out.push(origin);
        }
    }
    Ok(out)
}

/// A UUID (`8-4-4-4-12` hex digits), lower-cased.
pub fn uuid(field: &str, value: &str) -> Result<String, ServiceError> {
    let groups: Vec<&str> = value.split('-').collect();
    let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    if lengths == [8, 4, 4, 4, 12] && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_hexdigit())) {
        Ok(value.to_ascii_lowercase())
    } else {
        Err(invalid(field, "must be a UUID such as 3f2a0c1e-8b7d-4e5f-9a6b-1c2d3e4f5a6b"))
    }
}

/// A finding's kind: `EMAIL`, `CLIENT_TERM`, ... (capitals, digits, underscores).
pub fn kind(field: &str, value: &str) -> Result<String, ServiceError> {
    let valid = (1..=32).contains(&value.len())
        && value.starts_with(|c: char| c.is_ascii_uppercase())
        && value.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    if valid {
        Ok(value.to_string())
    } else {
        Err(invalid(field, "must be a kind such as EMAIL or CLIENT_TERM"))
    }
}

/// A rule id: letters, digits and `.`, `_`, `:`, `-`, at most 64.
pub fn rule_id(field: &str, value: &str) -> Result<String, ServiceError> {
    let valid = (1..=64).contains(&value.len())
        && value.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ':' | '-'));
    if valid {
        Ok(value.to_string())
    } else {
        Err(invalid(field, "must be a rule id such as secret.github_token (letters, digits, . _ : -)"))
    }
}

/// A point in time (RFC 3339), canonical.
pub fn time(field: &str, value: &str) -> Result<String, ServiceError> {
    crate::timestamp::canonical(value)
        .ok_or_else(|| invalid(field, "must be an RFC 3339 time such as 2025-03-01T10:00:00.000Z"))
}

/// The start of a range: RFC 3339, or `YYYY-MM-DD` for the start of the day (UTC).
pub fn range_start(field: &str, value: &str) -> Result<String, ServiceError> {
    crate::timestamp::range_start(value)
        .ok_or_else(|| invalid(field, "must be a date (YYYY-MM-DD) or an RFC 3339 time"))
}

/// The end of a range: RFC 3339, or `YYYY-MM-DD` for the end of the day (UTC).
pub fn range_end(field: &str, value: &str) -> Result<String, ServiceError> {
    crate::timestamp::range_end(value).ok_or_else(|| invalid(field, "must be a date (YYYY-MM-DD) or an RFC 3339 time"))
}

/// A regular expression the engine can compile (Rust `regex` syntax, bounded size).
pub fn pattern(field: &str, value: &str) -> Result<String, ServiceError> {
    if value.is_empty() || value.chars().count() > 2000 {
        return Err(invalid(field, "must be a regular expression of 1 to 2000 characters"));
    }
    regex::RegexBuilder::new(value)
        .size_limit(1 << 20)
        .build()
        .map(|_| value.to_string())
        // regex's error quotes the pattern; say only that it does not compile.
        .map_err(|_| invalid(field, "is not a valid regular expression (Rust regex syntax) or is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_scheme_and_host_only() {
        assert_eq!(origin("site", " HTTPS://www.Kimi.com ").unwrap(), "https://www.kimi.com");
        assert_eq!(origin("site", "http://127.0.0.1:8080").unwrap(), "http://127.0.0.1:8080");
        for bad in ["https://kimi.com/chat", "kimi.com", "javascript://x", "https://", "https://a b"] {
            assert!(origin("site", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn errors_name_the_field_and_not_the_value() {
        let error = text("name", &"x".repeat(300), 100).unwrap_err().to_string();
        assert_eq!(error, "name: must be at most 100 characters");
        let error = pattern("pattern", "(secret-[a-z]+").unwrap_err().to_string();
        assert!(!error.contains("secret-"), "{error}");
        let error = uuid("events[2].event_id", "not-a-uuid").unwrap_err().to_string();
        assert!(error.starts_with("events[2].event_id: must be a UUID"));
    }

    #[test]
    fn lists_drop_blanks_and_repeats() {
        let values = vec!["Falcon".to_string(), " ".to_string(), "falcon".to_string(), "Hawk".to_string()];
        assert_eq!(text_list("aliases", &values, 10, 50).unwrap(), vec!["Falcon", "Hawk"]);
    }

    #[test]
    fn kinds_rule_ids_and_uuids() {
        assert!(kind("k", "CLIENT_TERM").is_ok());
        assert!(kind("k", "email").is_err());
        assert!(rule_id("r", "secret.github_token").is_ok());
        assert!(rule_id("r", "has space").is_err());
        assert_eq!(uuid("e", "3F2A0C1E-8B7D-4E5F-9A6B-1C2D3E4F5A6B").unwrap(), "3f2a0c1e-8b7d-4e5f-9a6b-1c2d3e4f5a6b");
    }
}
