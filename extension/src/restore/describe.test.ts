import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeResult } from './describe';

test('no answer with placeholders yet says so plainly', () => {
  assert.deepEqual(describeResult({ ok: true, answers: [] }), {
    text: 'No answer on this page mentions a placeholder Hush made yet.',
    tone: 'idle',
  });
});

test('answers are counted', () => {
  const answer = { pieces: [{ text: 'x' }] };
  assert.equal(describeResult({ ok: true, answers: [answer] }).text, '1 answer with the real values, newest first.');
  assert.equal(describeResult({ ok: true, answers: [answer, answer] }).text, '2 answers with the real values, newest first.');
});

test('problems are red, with the detail when there is one', () => {
  assert.deepEqual(describeResult({ ok: false, problem: 'engine-unavailable', detail: 'CompileError' }), {
    text: 'Hush\'s detection engine is not answering; try again in a moment. (CompileError)',
    tone: 'bad',
  });
  assert.equal(describeResult({ ok: false, problem: 'tab-closed' }).tone, 'bad');
  assert.equal(describeResult(null).tone, 'bad');
});

test('a site Hush does not guard is no error', () => {
  assert.equal(describeResult({ ok: false, problem: 'not-guarded' }).tone, 'idle');
});
