import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CsvError, parseCsv, splitAliases, termsFromCsv } from './term-csv';

test('quoted fields keep commas, doubled quotes and line breaks', () => {
  assert.deepEqual(parseCsv('\uFEFFa,"b, c","say ""hi""\nthere"\r\nd,e,f\n'), [
    ['a', 'b, c', 'say "hi"\nthere'],
    ['d', 'e', 'f'],
  ]);
});

test('a header orders the columns, aliases split on |, blank rows are skipped', () => {
  const terms = termsFromCsv('note,term,aliases\nour client,Acme Corp,ACME| Acme Inc.\n,,\nbuild box,acme-db-01.internal,\n');
  assert.deepEqual(terms, [
    { row: 2, draft: { text: 'Acme Corp', aliases: ['ACME', 'Acme Inc.'], note: 'our client' } },
    { row: 4, draft: { text: 'acme-db-01.internal', aliases: [], note: 'build box' } },
  ]);
});

test('without a header the columns are term, aliases, note', () => {
  assert.deepEqual(termsFromCsv('Project Falcon,Falcon|PF\n'), [{ row: 1, draft: { text: 'Project Falcon', aliases: ['Falcon', 'PF'], note: '' } }]);
});

test('errors name the row or line', () => {
  assert.throws(() => termsFromCsv('term,aliases\n,Falcon\n'), new CsvError('row 2: the term is empty'));
  assert.throws(() => parseCsv('a,"b\n'), /line 2: a quoted field is not closed/);
  assert.throws(() => parseCsv('"a"b\n'), /line 1: unexpected text after a closing quote/);
});

test('typed aliases split on commas', () => {
  assert.deepEqual(splitAliases('Falcon, PF ,,', ','), ['Falcon', 'PF']);
});
