import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ScanScheduler } from './scan-scheduler';

/** A frame clock driven by hand. */
function manualFrames() {
  const queue: (() => void)[] = [];
  return {
    nextFrame: (cb: () => void) => void queue.push(cb),
    tick: () => queue.splice(0).forEach((cb) => cb()),
    get queued() {
      return queue.length;
    },
  };
}

test('many requests within a frame become one scan', async () => {
  const frames = manualFrames();
  let scans = 0;
  const scheduler = new ScanScheduler(async () => void scans++, frames.nextFrame);
  for (let i = 0; i < 50; i++) scheduler.request();
  assert.equal(frames.queued, 1);
  frames.tick();
  await Promise.resolve();
  assert.equal(scans, 1);
});

test('requests during a scan in flight fold into exactly one follow-up scan', async () => {
  const frames = manualFrames();
  let release!: () => void;
  let scans = 0;
  const scheduler = new ScanScheduler(
    () => {
      scans++;
      return new Promise<void>((resolve) => (release = resolve));
    },
    frames.nextFrame,
  );
  scheduler.request();
  frames.tick();
  assert.equal(scans, 1);
  scheduler.request();
  scheduler.request();
  assert.equal(frames.queued, 0, 'nothing is scheduled while a scan is in flight');
  release();
  await new Promise((r) => setImmediate(r));
  assert.equal(frames.queued, 1);
  frames.tick();
  assert.equal(scans, 2);
});
