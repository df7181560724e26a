// `cargo xtask run`: the demo chat page in Chromium with Hush loaded.
//
//   node tests/e2e/demo.mjs --profile DIR [--headless]
//
// DIR is a throwaway profile in which `cargo xtask run` registered the native host. With a display
// the browser stays open for a person to type into; with --headless (or without a display) the
// script types a sample itself, prints what Hush flagged and a screenshot's path, and exits 1 if
// nothing was flagged.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { servePages } from './lib/server.mjs';
import { guardOrigin, launchChromium, pageStatus } from './lib/chromium.mjs';

const { values } = parseArgs({ options: { profile: { type: 'string' }, headless: { type: 'boolean', default: false } } });
if (!values.profile) throw new Error('usage: node tests/e2e/demo.mjs --profile DIR [--headless]');
const headless = values.headless || !process.env.DISPLAY;
if (!values.headless && headless) console.log('No display found (DISPLAY is unset): running the demo headless.');

const SAMPLE =
  'Hi! Can you tidy up this note for my client? Send the signed NDA to maria.rossi@example.it ' +
  'and use the deploy token ghp_R7bX2mQ9vL4kT8wN1cZ5hJ3pF6yD0sG2aE9u for the build.';

const server = await servePages();
const browser = await launchChromium({ profileDir: values.profile, headless });
await guardOrigin(browser.worker, server.origin);
const page = await browser.context.newPage();
await page.goto(`${server.origin}/demo.html`);
const host = await browser.worker.evaluate(async () => {
  for (let i = 0; i < 50; i++) {
    const { host } = await chrome.storage.session.get('host');
    if (host) return host;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { state: 'unavailable', error: 'no answer' };
});
console.log(host.state === 'connected' ? `native host: connected (hush-host ${host.hostVersion})` : `native host: NOT connected (${host.error})`);

if (!headless) {
  console.log(`Demo chat: ${server.origin}/demo.html — type or paste into the box. Close the browser to stop.`);
  await new Promise((resolve) => browser.context.on('close', resolve));
  await server.close();
  process.exit(0);
}

await page.click('#prompt');
await page.keyboard.type(SAMPLE);
const status = await pageStatus(browser.worker, page, (s) => (s.findings?.length ?? 0) >= 2);
const findings = status.findings ?? [];
const mask = (value) => `${value.slice(0, 4)}${'•'.repeat(Math.max(0, Math.min(value.length - 4, 12)))}`;
console.log(`Hush flagged ${findings.length} item(s) in the demo prompt (toolbar badge: "${status.badge}"):`);
for (const f of findings) {
  console.log(`  ${f.kind.padEnd(12)} ${f.rule.padEnd(28)} chars ${f.start}-${f.end}  ${mask(SAMPLE.slice(f.start, f.end))}`);
}
const screenshot = join(dirname(values.profile), 'demo.png');
mkdirSync(dirname(screenshot), { recursive: true });
await page.screenshot({ path: screenshot });
console.log(`screenshot: ${screenshot}`);
await browser.close();
await server.close();
process.exit(findings.length > 0 && status.state === 'guarded' ? 0 : 1);
