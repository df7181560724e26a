import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outermost } from './answer-reader';

/** Paths stand for elements: "a/b" is inside "a". */
const contains = (outer: string, inner: string): boolean => inner.startsWith(`${outer}/`);

test('an element inside another match is left out', () => {
  assert.deepEqual(outermost(['main/1', 'main/1/text', 'main/2', 'main/2/text/p'], contains), ['main/1', 'main/2']);
});

test('separate answers all stay, in order', () => {
  assert.deepEqual(outermost(['a', 'b', 'c'], contains), ['a', 'b', 'c']);
  assert.deepEqual(outermost([], contains), []);
});
