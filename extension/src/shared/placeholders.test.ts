import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinPieces, mentionsPlaceholder, restorePieces, restoresAnything } from './placeholders';

test('placeholder shapes are upper-case words in brackets', () => {
  assert.ok(mentionsPlaceholder('Write to [EMAIL_1] today.'));
  assert.ok(mentionsPlaceholder('[ACME] said yes'));
  assert.ok(mentionsPlaceholder('[CLIENT_A_2]'));
  assert.ok(!mentionsPlaceholder('an array [1, 2] and [x]'));
  assert.ok(!mentionsPlaceholder('[Email_1] and [_1] and [] and [EMAIL 1]'));
  assert.ok(!mentionsPlaceholder('no brackets at all'));
});

test('the check keeps no state between calls', () => {
  assert.ok(mentionsPlaceholder('[A]'));
  assert.ok(mentionsPlaceholder('[A]'));
});

const known: Record<string, string> = { '[EMAIL_1]': 'jane@acme.test', '[ACME]': 'Acme Corp' };
const valueOf = (placeholder: string): string | undefined => known[placeholder];

test('known placeholders become their values, each named in its piece', () => {
  const pieces = restorePieces('Mail [EMAIL_1] about [ACME].', valueOf);
  assert.deepEqual(pieces, [
    { text: 'Mail ' },
    { text: 'jane@acme.test', placeholder: '[EMAIL_1]' },
    { text: ' about ' },
    { text: 'Acme Corp', placeholder: '[ACME]' },
    { text: '.' },
  ]);
  assert.equal(joinPieces(pieces), 'Mail jane@acme.test about Acme Corp.');
  assert.ok(restoresAnything(pieces));
});

test('unknown placeholders stay as written', () => {
  const pieces = restorePieces('[EMAIL_2] and [EMAIL_1][TODO]', valueOf);
  assert.equal(joinPieces(pieces), '[EMAIL_2] and jane@acme.test[TODO]');
  assert.ok(!restoresAnything(restorePieces('[EMAIL_2] only', valueOf)));
});

test('a bracket inside a bracket is matched where a placeholder starts', () => {
  assert.equal(joinPieces(restorePieces('[[EMAIL_1]]', valueOf)), '[jane@acme.test]');
});

test('empty text, no pieces', () => {
  assert.deepEqual(restorePieces('', valueOf), []);
});
