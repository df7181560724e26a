// A Chromium tab with Hush guarding the test pages, behind the browser-neutral interface that
// guard-spec.mjs drives (see `GuardTab` there): playwright-core underneath.
import { guardOrigin, launchChromium, pageStatus } from './chromium.mjs';
import { readOverlay } from './overlay.mjs';

/** Launches Chromium with Hush guarding `origin`; resolves with a GuardTab on a new page. */
export async function openChromiumTab(origin) {
  const browser = await launchChromium();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  await guardOrigin(browser.worker, origin);
  const page = await browser.context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return {
    problems,
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    type: (text) => page.keyboard.type(text),
    press: (chord) => page.keyboard.press(chord),
    moveMouse: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    readOverlay: () => readOverlay(page),
    status: (until) => pageStatus(browser.worker, page, until),
    writeClipboard: (text) => page.evaluate((t) => navigator.clipboard.writeText(t), text),
    close: () => browser.close(),
  };
}
