// Site modes in Firefox ESR. kimi.com (every host name resolved to 127.0.0.1, where the Lexical
// test page stands in for it over HTTPS) is strict out of the box: a paste lands redacted without
// a question, and a message holding findings waits for the user's choice. A site the user marks
// trusted on the options page only gets warnings: the paste lands as it is, the message goes at once.
// DeepSeek's send control, a div around an arrow icon, is guarded like a button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { By } from 'selenium-webdriver';
import { servePages } from './lib/server.mjs';
import { openFirefoxTab } from './lib/firefox-tab.mjs';
import { extensionPage } from './lib/firefox.mjs';
import { poll } from './lib/overlay.mjs';
import { SAMPLE, SAMPLE_VALUES, redactedSamplePattern } from './lib/guard-spec.mjs';

let server;
let tab;

/** Opens `url` in the tab and focuses the test page's editor. */
async function openChat(url) {
  await tab.goto(url);
  await poll(() => tab.evaluate(() => window.hushTestEditor !== undefined), Boolean);
  await tab.evaluate(() => window.hushTestEditor.focus());
}

const editorText = () => tab.evaluate(() => window.hushTestEditor.text());
const sentMessages = () => tab.evaluate(() => [...window.hushTestSent]);
const waitForOverlay = (until) => poll(() => tab.readOverlay(), until);

before(async () => {
  server = await servePages(undefined, { https: true });
  tab = await openFirefoxTab(server.origin, { prefs: { 'network.dns.forceResolve': '127.0.0.1' }, acceptInsecureCerts: true });
});

after(async () => {
  await tab?.close();
  await server?.close();
});

test('kimi.com pastes redacted without asking, and holds a message with findings until the user chooses', async () => {
  await openChat(`https://kimi.com:${server.port}/lexical.html`);
  await tab.writeClipboard(SAMPLE);
  await tab.press('Control+v');
  assert.match(await poll(editorText, (text) => text !== ''), redactedSamplePattern());
  assert.equal((await tab.readOverlay()).paste, undefined, 'no question asked');

  await tab.press('Control+a');
  await tab.type(`Write to ${SAMPLE_VALUES.EMAIL} today`);
  await waitForOverlay((o) => o.marks.length === 1);
  await tab.press('Enter');
  const asked = await waitForOverlay((o) => o.send !== undefined);
  assert.match(asked.send?.text ?? '', /^Send with 1 sensitive item: Email address\?/);
  await tab.press('Escape');
  await waitForOverlay((o) => o.send === undefined);
  assert.deepEqual(await sentMessages(), []);
  assert.equal(await editorText(), `Write to ${SAMPLE_VALUES.EMAIL} today`);
});

test('on chat.deepseek.com a click on the send icon (a div, not a button) waits for the user', async () => {
  await openChat(`https://chat.deepseek.com:${server.port}/react-textarea.html`);
  await tab.type(`Write to ${SAMPLE_VALUES.EMAIL} today`);
  await waitForOverlay((o) => o.marks.length === 1);
  const icon = await tab.evaluate(() => {
    const box = document.querySelector('.icon-send').getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  });
  await tab.click(icon.x, icon.y);
  const asked = await waitForOverlay((o) => o.send !== undefined);
  assert.match(asked.send?.text ?? '', /^Send with 1 sensitive item: Email address\?/);
  await tab.press('Escape');
  await waitForOverlay((o) => o.send === undefined);
  assert.deepEqual(await sentMessages(), []);
});

test('a site marked trusted on the options page gets the paste as it is and the message at once, with a notice', async () => {
  const { driver } = tab.browser;
  await tab.goto(extensionPage('options.html'));
  // The table is drawn again after every change of settings: find the picker afresh each time.
  const picker = async () => (await driver.findElements(By.css(`select[aria-label="Mode on ${server.origin}"]`)))[0];
  const mode = await poll(picker, (found) => found !== undefined);
  assert.equal(await mode.getAttribute('value'), 'ask', 'a site the user added asks');
  await mode.findElement(By.css('option[value="trusted"]')).click();
  const title = async () => (await picker())?.getAttribute('title').catch(() => undefined);
  await poll(title, (text) => /You chose this mode/.test(text ?? ''));

  await openChat(`${server.origin}/textarea.html`);
  await tab.writeClipboard(SAMPLE);
  await tab.press('Control+v');
  assert.equal(await poll(editorText, (text) => text !== ''), SAMPLE);
  await waitForOverlay((o) => o.marks.length === 3);
  await tab.press('Enter');
  assert.deepEqual(await poll(sentMessages, (sent) => sent.length > 0), [SAMPLE]);
  const notice = await waitForOverlay((o) => o.notice !== undefined);
  assert.match(notice.notice?.text ?? '', /^Sent with 3 sensitive items: Email address, IBAN/);
});

test('the pages saw no error', () => {
  assert.deepEqual(tab.problems, []);
});
