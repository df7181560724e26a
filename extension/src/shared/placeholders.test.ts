import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinPieces, mayHoldPlaceholder, restoresAnything } from './placeholders';

test('restored pieces join into the restored text and say whether anything was restored', () => {
  const pieces = [{ text: 'Mail ' }, { text: 'jane@acme.test', placeholder: '[EMAIL_1]' }, { text: ' today.' }];
  assert.equal(joinPieces(pieces), 'Mail jane@acme.test today.');
  assert.ok(restoresAnything(pieces));
  assert.ok(!restoresAnything([{ text: '[EMAIL_2] stays as written' }]));
  assert.equal(joinPieces([]), '');
});

test('only a text with a square bracket may hold a placeholder', () => {
  assert.ok(mayHoldPlaceholder('Write to [EMAIL_1] today.'));
  assert.ok(!mayHoldPlaceholder('no brackets at all (none) {here}'));
});
