//! Just enough CSV (RFC 4180) for dictionaries and audit exports: quoted fields, doubled quotes,
//! line breaks inside quotes, CRLF or LF, an optional byte-order mark.

/// What is wrong with a CSV text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    /// A quoted field never ends.
    #[error("line {0}: a quoted field is not closed")]
    UnclosedQuote(usize),
    /// Text follows a closing quote.
    #[error("line {0}: unexpected text after a closing quote")]
    TextAfterQuote(usize),
}

/// Whether a cell is written for a spreadsheet, which runs a cell that starts with `=`, `+`, `-`,
/// `@` (or a tab or carriage return) as a formula. Such cells get a leading `'`, which
/// spreadsheets show as text; exports meant to be read back (dictionaries) are written as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellSafety {
    /// Neutralise formula-like cells.
    Spreadsheet,
    /// Write cells exactly.
    Exact,
}

/// Appends one record, ending in CRLF.
pub fn write_record<S: AsRef<str>>(out: &mut String, cells: &[S], safety: CellSafety) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let cell = cell.as_ref();
        let formula_like = safety == CellSafety::Spreadsheet && cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
        let needs_quotes = formula_like || cell.contains([',', '"', '\n', '\r']);
        if needs_quotes {
            out.push('"');
            if formula_like {
                out.push('\'');
            }
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push_str("\r\n");
}

/// Reads every record; blank lines are skipped.
///
/// # Errors
/// [`CsvError`] naming the line of the first malformed field.
pub fn parse(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    let mut quoted_from = None;
    let mut after_quote = false;
    while let Some(c) = chars.next() {
        if quoted_from.is_some() {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    quoted_from = None;
                    after_quote = true;
                }
                '\n' => {
                    line += 1;
                    field.push(c);
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !after_quote => quoted_from = Some(line),
            ',' => {
                record.push(std::mem::take(&mut field));
                after_quote = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                end_record(&mut records, &mut record, &mut field);
                after_quote = false;
                line += 1;
            }
            _ if after_quote => return Err(CsvError::TextAfterQuote(line)),
            _ => field.push(c),
        }
    }
    if let Some(start) = quoted_from {
        return Err(CsvError::UnclosedQuote(start));
    }
    end_record(&mut records, &mut record, &mut field);
    Ok(records)
}

fn end_record(records: &mut Vec<Vec<String>>, record: &mut Vec<String>, field: &mut String) {
    record.push(std::mem::take(field));
    let record = std::mem::take(record);
    if !(record.len() == 1 && record[0].is_empty()) {
        records.push(record);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_quotes_commas_and_line_breaks() {
        let text = "\u{feff}term,aliases\r\n\"Acme, Inc.\",\"say \"\"hi\"\"\"\n\nplain,\"two\nlines\"\n";
        let records = parse(text).unwrap();
        assert_eq!(
            records,
            vec![
                vec!["term".to_string(), "aliases".to_string()],
                vec!["Acme, Inc.".to_string(), "say \"hi\"".to_string()],
                vec!["plain".to_string(), "two\nlines".to_string()],
            ]
        );
    }

    #[test]
    fn names_the_line_of_a_broken_field() {
        assert_eq!(parse("a\nb,\"open\n"), Err(CsvError::UnclosedQuote(2)));
        assert_eq!(parse("a\n\"x\"y\n"), Err(CsvError::TextAfterQuote(2)));
    }

    #[test]
    fn neutralises_formulas_only_for_spreadsheets() {
        let mut out = String::new();
        write_record(&mut out, &["=HYPERLINK(\"x\")", "-5", "ok"], CellSafety::Spreadsheet);
        assert_eq!(out, "\"'=HYPERLINK(\"\"x\"\")\",\"'-5\",ok\r\n");
        let mut exact = String::new();
        write_record(&mut exact, &["-5"], CellSafety::Exact);
        assert_eq!(exact, "-5\r\n");
    }

    proptest! {
        #[test]
        fn exact_records_read_back(records in prop::collection::vec(
            prop::collection::vec("[a-z ,\"\n\r=-]{0,8}", 1..4), 1..5)
        ) {
            let mut out = String::new();
            for record in &records {
                write_record(&mut out, record, CellSafety::Exact);
            }
            let expected: Vec<Vec<String>> =
                records.into_iter().filter(|r| !(r.len() == 1 && r[0].is_empty())).collect();
            prop_assert_eq!(parse(&out).unwrap(), expected);
        }
    }
}
