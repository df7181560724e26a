import { test } from 'node:test';
import assert from 'node:assert/strict';
import { worstSeverity, type Finding } from './findings';

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
