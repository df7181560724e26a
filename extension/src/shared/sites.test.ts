import { test } from 'node:test';
import assert from 'node:assert/strict';
import { knownSite } from './sites';

test('known chat sites are found by host and subdomain', () => {
  assert.equal(knownSite('kimi.com')?.id, 'kimi');
  assert.equal(knownSite('www.kimi.com')?.id, 'kimi');
  assert.equal(knownSite('chatgpt.com')?.id, 'chatgpt');
});

test('look-alike hosts are not guarded by mistake', () => {
  assert.equal(knownSite('notkimi.com'), undefined);
  assert.equal(knownSite('kimi.com.evil.example'), undefined);
});
