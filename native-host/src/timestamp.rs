//! Times as the database keeps them: UTC, RFC 3339 with milliseconds
//! (`2025-03-01T10:00:00.000Z`), so comparing the text compares the times.

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime, Time, UtcOffset};

const CANONICAL: &[time::format_description::BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z");
const DAY: &[time::format_description::BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

fn format(moment: OffsetDateTime) -> Option<String> {
    moment.to_offset(UtcOffset::UTC).format(CANONICAL).ok()
}

/// Now, canonical.
pub fn now() -> String {
    format(OffsetDateTime::now_utc()).unwrap_or_else(|| "1970-01-01T00:00:00.000Z".into())
}

/// An RFC 3339 time, canonical; `None` if it is not one (or is outside years 0-9999).
pub fn canonical(text: &str) -> Option<String> {
    OffsetDateTime::parse(text, &Rfc3339).ok().and_then(format)
}

/// The start of a range: an RFC 3339 time, or `YYYY-MM-DD` for the start of that day (UTC).
pub fn range_start(text: &str) -> Option<String> {
    match Date::parse(text, DAY) {
        Ok(day) => format(day.with_time(Time::MIDNIGHT).assume_utc()),
        Err(_) => canonical(text),
    }
}

/// The end of a range: an RFC 3339 time, or `YYYY-MM-DD` for the end of that day (UTC).
pub fn range_end(text: &str) -> Option<String> {
    match Date::parse(text, DAY) {
        Ok(day) => format(day.with_hms_milli(23, 59, 59, 999).ok()?.assume_utc()),
        Err(_) => canonical(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_to_utc_with_milliseconds() {
        assert_eq!(canonical("2025-03-01T11:00:00+01:00").unwrap(), "2025-03-01T10:00:00.000Z");
        assert_eq!(canonical("2025-03-01T10:00:00.123456Z").unwrap(), "2025-03-01T10:00:00.123Z");
        assert_eq!(canonical("yesterday"), None);
        assert_eq!(now().len(), "2025-03-01T10:00:00.000Z".len());
    }

    #[test]
    fn days_cover_the_whole_day() {
        assert_eq!(range_start("2025-03-01").unwrap(), "2025-03-01T00:00:00.000Z");
        assert_eq!(range_end("2025-03-01").unwrap(), "2025-03-01T23:59:59.999Z");
        assert_eq!(range_end("2025-02-30"), None);
        assert_eq!(range_start("2025-03-01T05:00:00Z").unwrap(), "2025-03-01T05:00:00.000Z");
    }
}
