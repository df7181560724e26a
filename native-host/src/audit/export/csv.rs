//! The CSV export: one row per audit event, for a spreadsheet.

use super::{kinds_label, rule_ids};
use crate::csv::{write_record, CellSafety};
use crate::protocol::AuditRow;

/// The columns, in order.
pub const HEADER: [&str; 10] =
    ["seq", "time_utc", "client", "site", "action", "kinds", "findings", "rule_ids", "fingerprints", "event_id"];

/// Renders the rows of one client.
pub fn render(client_name: &str, rows: &[AuditRow]) -> String {
    let mut out = String::new();
    write_record(&mut out, &HEADER, CellSafety::Spreadsheet);
    for row in rows {
        let fingerprints: Vec<&str> = row.findings.iter().filter_map(|f| f.fingerprint.as_deref()).collect();
        let cells = [
            row.seq.to_string(),
            row.at.clone(),
            client_name.to_string(),
            row.site.clone(),
            row.action.as_str().to_string(),
            kinds_label(&row.findings),
            row.findings.len().to_string(),
            rule_ids(&row.findings).join(" "),
            fingerprints.join(" "),
            row.event_id.clone(),
        ];
        write_record(&mut out, &cells, CellSafety::Spreadsheet);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{AuditAction, AuditFinding};

    #[test]
    fn one_line_per_event_and_formulas_neutralised() {
        let row = AuditRow {
            seq: 4,
            event_id: "3f2a0c1e-8b7d-4e5f-9a6b-1c2d3e4f5a6b".into(),
            at: "2025-03-01T10:00:00.000Z".into(),
            recorded_at: "2025-03-01T10:00:01.000Z".into(),
            client_id: Some(1),
            site: "https://www.kimi.com".into(),
            action: AuditAction::PasteRedacted,
            findings: vec![
                AuditFinding { kind: "EMAIL".into(), rule_id: "email".into(), fingerprint: Some("aa".into()) },
                AuditFinding { kind: "EMAIL".into(), rule_id: "email".into(), fingerprint: Some("bb".into()) },
            ],
        };
        let text = render("=cmd|calc", &[row]);
        let records = crate::csv::parse(&text).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[1][2], "'=cmd|calc");
        assert_eq!(records[1][4], "paste_redacted");
        assert_eq!(records[1][5], "EMAIL ×2");
        assert_eq!(records[1][8], "aa bb");
    }
}
