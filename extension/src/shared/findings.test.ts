import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeFindings, worstSeverity, type Finding } from './findings';

const finding = (severity: Finding['severity']): Finding => ({
  kind: 'EMAIL',
  rule: 'email',
  start: 0,
  end: 1,
  confidence: 1,
  severity,
  label: 'Email address',
});

test('the worst severity wins', () => {
  assert.equal(worstSeverity([finding('medium'), finding('critical'), finding('low')]), 'critical');
});

test('no findings, no severity', () => {
  assert.equal(worstSeverity([]), undefined);
});

test('findings are described by count and kinds, each kind once, never by value', () => {
  const iban: Finding = { ...finding('high'), kind: 'IBAN', rule: 'iban', label: 'IBAN' };
  assert.equal(describeFindings([finding('low'), iban, finding('medium')]), '3 sensitive items: Email address, IBAN');
  assert.equal(describeFindings([finding('low')]), '1 sensitive item: Email address');
});
