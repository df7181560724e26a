import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, caretAfterEdits, coveringEdit } from './edits';

const text = 'mail ana@example.org or bob@example.com now';
const edits = [
  { start: 5, end: 20, text: '[EMAIL_1]' },
  { start: 24, end: 39, text: '[EMAIL_2]' },
];

test('edits apply in any order', () => {
  assert.equal(applyEdits(text, edits), 'mail [EMAIL_1] or [EMAIL_2] now');
  assert.equal(applyEdits(text, [...edits].reverse()), 'mail [EMAIL_1] or [EMAIL_2] now');
});

test('a caret at the end stays at the end', () => {
  const after = applyEdits(text, edits);
  assert.equal(caretAfterEdits(text.length, edits), after.length);
});

test('a caret before every edit does not move', () => {
  assert.equal(caretAfterEdits(3, edits), 3);
});

test('a caret inside a replaced span lands after its placeholder', () => {
  assert.equal(caretAfterEdits(10, edits), 5 + '[EMAIL_1]'.length);
  assert.equal(caretAfterEdits(30, edits), applyEdits(text, edits).indexOf('[EMAIL_2]') + '[EMAIL_2]'.length);
});

test('one covering edit has the effect of all of them', () => {
  const one = coveringEdit(text, [...edits].reverse());
  assert.deepEqual(one, { start: 5, end: 39, text: '[EMAIL_1] or [EMAIL_2]' });
  assert.equal(applyEdits(text, one ? [one] : []), applyEdits(text, edits));
  assert.equal(coveringEdit(text, []), undefined);
});
