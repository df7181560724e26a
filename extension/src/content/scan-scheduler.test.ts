import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAME_MS, ScanScheduler, type SchedulerClock } from './scan-scheduler';

/** A clock and timer driven by hand. */
function manualClock() {
  let now = 1000;
  const timers: { at: number; callback: () => void }[] = [];
  const clock: SchedulerClock = {
    now: () => now,
    setTimeout: (callback, ms) => void timers.push({ at: now + ms, callback }),
  };
  return {
    clock,
    advance(ms: number) {
      now += ms;
      for (const timer of timers.filter((t) => t.at <= now)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.callback();
      }
    },
    get pendingTimers() {
      return timers.length;
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('the first change is scanned at once', async () => {
  const time = manualClock();
  let scans = 0;
  new ScanScheduler(async () => void scans++, time.clock).request();
  assert.equal(scans, 1);
});

test('changes while a scan is in flight fold into exactly one follow-up scan', async () => {
  const time = manualClock();
  let release!: () => void;
  let scans = 0;
  const scheduler = new ScanScheduler(() => {
    scans++;
    return new Promise<void>((resolve) => (release = resolve));
  }, time.clock);
  scheduler.request();
  for (let i = 0; i < 20; i++) scheduler.request();
  assert.equal(scans, 1);
  time.advance(FRAME_MS);
  release();
  await settle();
  assert.equal(scans, 2, 'one follow-up scan');
  release();
  await settle();
  assert.equal(scans, 2, 'and no more');
});

test('scans start at most once per frame', async () => {
  const time = manualClock();
  let scans = 0;
  const scheduler = new ScanScheduler(async () => void scans++, time.clock);
  scheduler.request();
  await settle();
  for (let i = 0; i < 10; i++) scheduler.request();
  assert.equal(scans, 1, 'the second scan waits for the next frame');
  assert.equal(time.pendingTimers, 1, 'with one timer, however many requests');
  time.advance(FRAME_MS);
  await settle();
  assert.equal(scans, 2);
});
