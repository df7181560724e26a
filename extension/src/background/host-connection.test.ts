import { test } from 'node:test';
import assert from 'node:assert/strict';
import { whatToUpdate } from './host-connection';

test('a host older than the extension: update the host', () => {
  const message = whatToUpdate('this host speaks protocol version 0; update the extension or the host');
  assert.match(message, /^The Hush native host is older/);
  assert.match(message, /hush-host install/);
});

test('a host newer than the extension: update the extension', () => {
  assert.match(whatToUpdate('this host speaks protocol version 2, 3; update the extension or the host'), /^The Hush extension is older.*protocol 2, 3/);
});

test('a refusal without versions still says what to do', () => {
  assert.match(whatToUpdate('no common version'), /Update the Hush extension/);
});
