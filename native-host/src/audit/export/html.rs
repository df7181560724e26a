//! The HTML report: one self-contained page (inline CSS, no scripts, no external resources) that
//! a freelancer hands to a client and that prints cleanly to PDF. It summarises by site and by
//! kind, draws a timeline by day, lists every event, states whether the hash chain verified, and
//! says what Hush records and what it never records.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{kind_counts, kinds_label, rule_ids, Period};
use crate::audit::chain::ChainReport;
use crate::protocol::{AuditAction, AuditRow};

/// Everything the report shows.
#[derive(Debug)]
pub struct Report<'a> {
    /// The client's name.
    pub client_name: &'a str,
    /// The period.
    pub period: &'a Period,
    /// The client's rows in the period, in chain order.
    pub rows: &'a [AuditRow],
    /// The whole log's verification when the report was made.
    pub verification: &'a ChainReport,
    /// When the report was made.
    pub generated_at: &'a str,
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Renders the report.
pub fn render(report: &Report<'_>) -> String {
    let client = escape(report.client_name);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Hush audit report: {client}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
    );
    let _ = writeln!(
        out,
        "<header><p class=\"eyebrow\">Hush audit report</p><h1>{client}</h1>\
         <p class=\"meta\">Period: {} &middot; Made {} UTC &middot; hush-host {}</p></header>",
        escape(&report.period.describe()),
        escape(&readable_time(report.generated_at)),
        env!("CARGO_PKG_VERSION"),
    );
    verification_section(&mut out, report);
    totals_section(&mut out, report.rows);
    by_site_section(&mut out, report.rows);
    by_kind_section(&mut out, report.rows);
    timeline_section(&mut out, report.rows);
    events_section(&mut out, report.rows);
    out.push_str(RECORDS_SECTION);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn verification_section(out: &mut String, report: &Report<'_>) {
    let verification = report.verification;
    if verification.is_intact() {
        let _ = writeln!(
            out,
            "<section class=\"verdict ok\"><h2>Hash chain verified</h2><p>The audit log's {} rows were checked \
             when this report was made: none was edited, deleted or reordered. Each row's hash covers the row \
             before it, so a change anywhere shows. The JSON export of the same period carries the chain; \
             <code>hush-host audit verify FILE</code> checks it independently.</p></section>",
            verification.rows_checked
        );
        return;
    }
    let _ = write!(
        out,
        "<section class=\"verdict broken\"><h2>Hash chain broken</h2><p>The audit log's {} rows were checked \
         when this report was made, and the chain does not hold:</p><ul>",
        verification.rows_checked
    );
    for problem in &verification.problems {
        let _ = write!(out, "<li>{}</li>", escape(&problem.to_string()));
    }
    out.push_str("</ul></section>\n");
}

fn count(rows: &[AuditRow], action: AuditAction) -> usize {
    rows.iter().filter(|r| r.action == action).count()
}

fn totals_section(out: &mut String, rows: &[AuditRow]) {
    let findings: usize = rows.iter().map(|r| r.findings.len()).sum();
    let protected = count(rows, AuditAction::Redacted)
        + count(rows, AuditAction::PasteRedacted)
        + count(rows, AuditAction::Blocked);
    let sent = count(rows, AuditAction::SentWithFindings);
    let _ = writeln!(
        out,
        "<section class=\"totals\"><div><strong>{}</strong><span>events</span></div>\
         <div><strong>{findings}</strong><span>findings</span></div>\
         <div><strong>{protected}</strong><span>redacted or blocked</span></div>\
         <div><strong>{sent}</strong><span>sent with findings</span></div></section>",
        rows.len()
    );
}

fn by_site_section(out: &mut String, rows: &[AuditRow]) {
    let mut sites: BTreeMap<&str, (usize, usize, BTreeMap<AuditAction, usize>)> = BTreeMap::new();
    for row in rows {
        let entry = sites.entry(row.site.as_str()).or_default();
        entry.0 += 1;
        entry.1 += row.findings.len();
        *entry.2.entry(row.action).or_insert(0) += 1;
    }
    out.push_str("<section><h2>By site</h2>");
    if sites.is_empty() {
        out.push_str("<p class=\"empty\">No events in this period.</p></section>\n");
        return;
    }
    out.push_str("<table><thead><tr><th>Site</th><th class=\"n\">Events</th><th class=\"n\">Findings</th><th>What happened</th></tr></thead><tbody>");
    for (site, (events, findings, actions)) in &sites {
        let actions: Vec<String> = actions.iter().map(|(a, n)| format!("{} {n}", action_label(*a))).collect();
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=\"n\">{events}</td><td class=\"n\">{findings}</td><td>{}</td></tr>",
            escape(site),
            escape(&actions.join(", "))
        );
    }
    out.push_str("</tbody></table></section>\n");
}

fn by_kind_section(out: &mut String, rows: &[AuditRow]) {
    let mut kinds: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for row in rows {
        for (kind, n) in kind_counts(&row.findings) {
            let entry = kinds.entry(kind).or_default();
            entry.0 += n;
            entry.1 += 1;
        }
    }
    if kinds.is_empty() {
        return;
    }
    out.push_str("<section><h2>By kind</h2><table><thead><tr><th>Kind</th><th class=\"n\">Findings</th><th class=\"n\">Events</th></tr></thead><tbody>");
    for (kind, (findings, events)) in &kinds {
        let _ = write!(
            out,
            "<tr><td><code>{}</code></td><td class=\"n\">{findings}</td><td class=\"n\">{events}</td></tr>",
            escape(kind)
        );
    }
    out.push_str("</tbody></table></section>\n");
}

fn timeline_section(out: &mut String, rows: &[AuditRow]) {
    let mut days: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for row in rows {
        let entry = days.entry(row.at.get(..10).unwrap_or(&row.at)).or_default();
        entry.0 += 1;
        entry.1 += row.findings.len();
    }
    let Some(busiest) = days.values().map(|(events, _)| *events).max() else { return };
    out.push_str("<section><h2>Timeline</h2><table class=\"timeline\"><thead><tr><th>Day (UTC)</th><th class=\"n\">Events</th><th class=\"n\">Findings</th><th class=\"bar-cell\"></th></tr></thead><tbody>");
    for (day, (events, findings)) in &days {
        let width = (events * 100).div_ceil(busiest.max(1));
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=\"n\">{events}</td><td class=\"n\">{findings}</td>\
             <td class=\"bar-cell\"><div class=\"bar\" style=\"width:{width}%\"></div></td></tr>",
            escape(day)
        );
    }
    out.push_str("</tbody></table></section>\n");
}

fn events_section(out: &mut String, rows: &[AuditRow]) {
    if rows.is_empty() {
        return;
    }
    out.push_str("<section><h2>Events</h2><table class=\"events\"><thead><tr><th class=\"n\">Row</th><th>Time (UTC)</th><th>Site</th><th>What happened</th><th>Found</th><th>Rules</th></tr></thead><tbody>");
    for row in rows {
        let _ = write!(
            out,
            "<tr><td class=\"n\">{}</td><td class=\"time\">{}</td><td>{}</td><td><span class=\"action {}\">{}</span></td><td>{}</td><td><code>{}</code></td></tr>",
            row.seq,
            escape(&readable_time(&row.at)),
            escape(&row.site),
            row.action.as_str(),
            action_label(row.action),
            escape(&kinds_label(&row.findings)),
            escape(&rule_ids(&row.findings).join(" ")),
        );
    }
    out.push_str("</tbody></table></section>\n");
}

/// `2025-03-01T10:15:00.000Z` as `2025-03-01 10:15:00`.
fn readable_time(time: &str) -> String {
    time.get(..19).unwrap_or(time).replace('T', " ")
}

fn action_label(action: AuditAction) -> &'static str {
    match action {
        AuditAction::Flagged => "flagged",
        AuditAction::Redacted => "redacted",
        AuditAction::PasteRedacted => "redacted on paste",
        AuditAction::Ignored => "ignored",
        AuditAction::Allowed => "allowed",
        AuditAction::SentWithFindings => "sent with findings",
        AuditAction::Blocked => "blocked",
    }
}

const RECORDS_SECTION: &str = "<section class=\"records\"><h2>What Hush records, and what it never records</h2>\
<div class=\"columns\"><div><h3>Recorded</h3><ul>\
<li>When something was found, and on which site (the site's address, not the page).</li>\
<li>Which client was active.</li>\
<li>What kind of thing was found (an email address, a card number, a client's name, a secret key) and which rule found it.</li>\
<li>What happened next: flagged, redacted, redacted on paste, ignored, allowed, sent anyway, or blocked.</li>\
<li>For each value, a keyed fingerprint: a code that shows when the same value comes up again, made with a secret that never leaves the freelancer's computer. The value cannot be read back from it.</li>\
</ul></div><div><h3>Never recorded</h3><ul>\
<li>The sensitive values themselves: no names, numbers, addresses or keys.</li>\
<li>The text of the prompts, or of the chatbot's answers.</li>\
<li>The pages visited, or anything from sites Hush does not guard.</li>\
<li>Anything sent over the network: the audit log stays on the freelancer's computer until they export it.</li>\
</ul></div></div></section>\n";

const STYLE: &str = "
:root { --ink: #1d2330; --muted: #5c6475; --line: #d9dde5; --ok: #1f7a4d; --bad: #b42318; --accent: #3b5bdb; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: var(--ink); background: #f5f6f8; }
main { max-width: 960px; margin: 0 auto; padding: 32px 40px 48px; background: #fff; }
header { border-bottom: 3px solid var(--ink); padding-bottom: 12px; margin-bottom: 20px; }
.eyebrow { margin: 0; text-transform: uppercase; letter-spacing: .12em; font-size: 11px; color: var(--muted); }
h1 { margin: 4px 0; font-size: 28px; }
h2 { font-size: 17px; margin: 28px 0 10px; }
h3 { font-size: 14px; margin: 0 0 6px; }
.meta { margin: 0; color: var(--muted); }
.verdict { border: 1px solid; border-left-width: 6px; border-radius: 6px; padding: 10px 16px; }
.verdict h2 { margin: 4px 0; }
.verdict.ok { border-color: var(--ok); background: #eef8f2; }
.verdict.ok h2 { color: var(--ok); }
.verdict.broken { border-color: var(--bad); background: #fdf0ef; }
.verdict.broken h2 { color: var(--bad); }
.totals { display: flex; gap: 12px; margin-top: 20px; }
.totals div { flex: 1; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
.totals strong { display: block; font-size: 24px; }
.totals span { color: var(--muted); font-size: 12px; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
.bar-cell { width: 45%; }
.bar { height: 10px; min-width: 2px; background: var(--accent); border-radius: 2px; }
.action { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 12px; background: #eef0f4; white-space: nowrap; }
.action.redacted, .action.paste_redacted, .action.blocked { background: #e6f4ec; color: var(--ok); }
.action.sent_with_findings { background: #fdecea; color: var(--bad); }
.empty { color: var(--muted); }
.columns { display: flex; gap: 24px; }
.columns > div { flex: 1; }
.records ul { padding-left: 18px; margin: 0; }
.records li { margin-bottom: 4px; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { background: #fff; font-size: 11px; }
  main { max-width: none; padding: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead { display: table-header-group; }
  tr, .verdict, .totals div, .records { break-inside: avoid; }
  h2 { break-after: avoid; }
}
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::AuditFinding;

    fn row(seq: i64, day: &str, action: AuditAction) -> AuditRow {
        AuditRow {
            seq,
            event_id: format!("e{seq}"),
            at: format!("{day}T09:30:00.000Z"),
            recorded_at: format!("{day}T09:30:01.000Z"),
            client_id: Some(1),
            site: "https://www.kimi.com".into(),
            action,
            findings: vec![AuditFinding {
                kind: "EMAIL".into(),
                rule_id: "email".into(),
                fingerprint: Some("ab".into()),
            }],
        }
    }

    #[test]
    fn self_contained_escaped_and_says_what_it_never_records() {
        let rows = [row(1, "2025-03-01", AuditAction::Redacted), row(2, "2025-03-02", AuditAction::SentWithFindings)];
        let period = Period::default();
        let verification = ChainReport { rows_checked: 2, last_seq: 2, problems: vec![] };
        let html = render(&Report {
            client_name: "<script>alert(1)</script>",
            period: &period,
            rows: &rows,
            verification: &verification,
            generated_at: "2025-03-03T10:00:00.000Z",
        });
        assert!(!html.contains("<script"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains("src=") && !html.contains("href="), "no external resources");
        assert!(html.contains("Hash chain verified"));
        assert!(html.contains("Never recorded"));
        assert!(html.contains("@media print"));
        assert!(html.contains("2025-03-02"));
    }
}
