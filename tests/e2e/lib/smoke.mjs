// The smoke tests' sample and what Hush must report for it, the same in Chromium and Firefox.
import assert from 'node:assert/strict';

/** The one sensitive value in SMOKE_TEXT. */
export const SMOKE_EMAIL = 'jane.doe@example.com';
/** What the smoke tests type into the prompt box. */
export const SMOKE_TEXT = `Please forward the contract to ${SMOKE_EMAIL} before Friday.`;

/** Asserts that `status` (a tab's page status with its badge) holds SMOKE_EMAIL as its one finding. */
export function assertEmailFound(status) {
  assert.equal(status.state, 'guarded');
  assert.equal(status.findings.length, 1);
  const [finding] = status.findings;
  assert.equal(finding.kind, 'EMAIL');
  assert.equal(SMOKE_TEXT.slice(finding.start, finding.end), SMOKE_EMAIL);
  assert.equal(status.badge, '1');
}
