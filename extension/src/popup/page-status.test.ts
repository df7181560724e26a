import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeMode, type SiteView } from './page-status';

const kimi: SiteView = {
  guarded: true,
  paused: false,
  status: null,
  mode: { mode: 'strict', reason: 'Kimi is a consumer chat.', chosen: false },
};

test("the popup names a guarded site's mode and says why", () => {
  assert.equal(describeMode(kimi), 'Mode: Redact pastes, ask before sending. Kimi is a consumer chat.');
  const trusted: SiteView = { ...kimi, mode: { mode: 'trusted', reason: 'You chose this mode.', chosen: true } };
  assert.equal(describeMode(trusted), 'Mode: Trusted: warn only. You chose this mode.');
});

test('no mode line where Hush is paused or does not guard', () => {
  assert.equal(describeMode({ ...kimi, paused: true }), '');
  assert.equal(describeMode({ guarded: false, paused: false, status: null }), '');
});
