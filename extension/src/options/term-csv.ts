/**
 * Dictionary terms from CSV, read as `hush-host dict import` reads them: columns term, aliases,
 * note (aliases separated by `|`); a first row with a `term` cell is a header and may order the
 * columns. Parsed in the page, so the host gets `term_import`'s body and never a file.
 */
import type { TermDraft } from '../shared/protocol';

/** What is wrong with a CSV file, naming its line or row. */
export class CsvError extends Error {}

/** A term read from CSV, with the row it came from (1-based, as a spreadsheet counts). */
export interface CsvTerm {
  row: number;
  draft: TermDraft;
}

const ALIAS_SEPARATOR = '|';

/** Every record of an RFC 4180 text: quoted fields, doubled quotes, CRLF or LF, a byte-order mark. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  const endField = (): void => {
    record.push(field);
    field = '';
    afterQuote = false;
  };
  const endRecord = (): void => {
    endField();
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
  };
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (c === '\n') line += 1;
        field += c;
      }
    } else if (c === ',') {
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
    } else if (c === '"' && field === '' && !afterQuote) {
      quoted = true;
    } else if (afterQuote) {
      throw new CsvError(`line ${line}: unexpected text after a closing quote`);
    } else {
      field += c;
    }
  }
  if (quoted) throw new CsvError(`line ${line}: a quoted field is not closed`);
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

/** The terms in a CSV text; rows whose cells are all blank are skipped. */
export function termsFromCsv(text: string): CsvTerm[] {
  const records = parseCsv(text);
  const first = records[0];
  const header = first?.some((cell) => cell.trim().toLowerCase() === 'term') ? first : undefined;
  const column = (name: string, fallback: number): number => {
    const at = header?.findIndex((cell) => cell.trim().toLowerCase() === name) ?? -1;
    return at >= 0 ? at : fallback;
  };
  const [termAt, aliasesAt, noteAt] = [column('term', 0), column('aliases', 1), column('note', 2)];
  const terms: CsvTerm[] = [];
  records.forEach((record, index) => {
    if ((header && index === 0) || record.every((cell) => cell.trim() === '')) return;
    const row = index + 1;
    const text = (record[termAt] ?? '').trim();
    if (text === '') throw new CsvError(`row ${row}: the term is empty`);
    const aliases = splitAliases(record[aliasesAt] ?? '');
    terms.push({ row, draft: { text, aliases, note: (record[noteAt] ?? '').trim() } });
  });
  return terms;
}

/** Aliases typed or imported as one cell: trimmed, blanks dropped. */
export function splitAliases(cell: string, separator: string = ALIAS_SEPARATOR): string[] {
  return cell
    .split(separator)
    .map((alias) => alias.trim())
    .filter((alias) => alias !== '');
}
