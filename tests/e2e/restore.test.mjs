// The restore view in Chromium: a chatbot's answer that echoes the placeholders Hush made is shown
// with the real values in restore.html (the side panel's page, opened here in a tab for the chat
// tab), never in the chat page; Copy puts the restored text on the clipboard; a content script
// asking for restored answers is refused; the answer still restores after the service worker was
// stopped; the popup's button opens the side panel; closing the chat tab forgets its mappings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { servePages } from './lib/server.mjs';
import { EXTENSION_ORIGIN, guardOrigin, launchChromium, pageStatus, tabIdOf } from './lib/chromium.mjs';
import { poll } from './lib/overlay.mjs';
import { EMPTY, PROMPT, REDACTED_PROMPT, RESTORED_ANSWER, VALUES, answersInPage, readView, valuesInPage } from './lib/restore.mjs';

let server;
let browser;
let chat;
let view;

/** Opens restore.html for the tab showing `page`, in a tab of its own. */
async function openView(page) {
  const opened = await browser.context.newPage();
  await opened.goto(`${EXTENSION_ORIGIN}/restore.html?tab=${await tabIdOf(worker(), page)}`);
  return opened;
}

/** The extension's service worker now: a stopped one is replaced by a new one, listed last. */
const worker = () => browser.context.serviceWorkers().at(-1);

/** Polls the view until `until(view)` holds; resolves with the last read. */
const waitForView = (page, until) => poll(() => page.evaluate(readView), until);

before(async () => {
  server = await servePages();
  browser = await launchChromium();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await guardOrigin(worker(), server.origin);
  chat = await browser.context.newPage();
  await chat.goto(`${server.origin}/contenteditable.html`);
  await pageStatus(worker(), chat, (s) => s.state === 'guarded');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('before any answer mentions a placeholder, the view says so', async () => {
  view = await openView(chat);
  const shown = await waitForView(view, (v) => v.status === EMPTY);
  assert.equal(shown.status, EMPTY);
  assert.deepEqual(shown.answers, []);
});

test('the answer comes back with the real values in the view, while the page keeps the placeholders', async () => {
  await chat.bringToFront();
  await chat.evaluate(() => window.hushTestEditor.focus());
  await chat.keyboard.type(PROMPT);
  await pageStatus(worker(), chat, (s) => s.findings?.length === 2);
  await chat.keyboard.press('Alt+Shift+KeyR');
  const redacted = await poll(() => chat.evaluate(() => window.hushTestEditor.text()), (text) => REDACTED_PROMPT.test(text));
  assert.match(redacted, REDACTED_PROMPT);
  await pageStatus(worker(), chat, (s) => s.findings?.length === 0);
  await chat.click('#send');
  const [answer] = await poll(() => chat.evaluate(answersInPage), (answers) => answers.length === 1);
  assert.equal(answer, `Noted. You wrote: ${redacted}`, 'the chatbot saw placeholders only');

  // The view was open all along: it picks the answer up by itself.
  const shown = await waitForView(view, (v) => v.answers.length === 1);
  assert.equal(shown.status, '1 answer with the real values, newest first.');
  assert.equal(shown.answers[0].text, RESTORED_ANSWER);
  assert.deepEqual(shown.answers[0].marks.map((m) => m.text), [VALUES.EMAIL, VALUES.SECRET]);
  assert.match(shown.answers[0].marks[0].title, /^Shown on the page as \[EMAIL_\d+\]$/);

  assert.deepEqual(await chat.evaluate(valuesInPage, Object.values(VALUES)), [], 'the chat page never holds a real value');
});

test('Copy puts the answer with the real values on the clipboard', async () => {
  await view.bringToFront();
  await view.getByRole('button', { name: 'Copy' }).click();
  const copied = await poll(() => view.evaluate(() => navigator.clipboard.readText()), (text) => text === RESTORED_ANSWER);
  assert.equal(copied, RESTORED_ANSWER);
  assert.deepEqual(await chat.evaluate(valuesInPage, Object.values(VALUES)), []);
});

test("a web page's content script asking for restored answers is refused", async () => {
  // Evaluate in Hush's content script (its isolated world, named after the extension), as a
  // compromised or confused content script would ask.
  const cdp = await browser.context.newCDPSession(chat);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const hush = await poll(() => contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Hush'), Boolean);
  assert.ok(hush, "Hush's content script world");
  const tabId = await tabIdOf(worker(), chat);
  const { result } = await cdp.send('Runtime.evaluate', {
    contextId: hush.id,
    expression: `chrome.runtime.sendMessage({ kind: 'restore-answers', tabId: ${tabId} })`,
    awaitPromise: true,
    returnByValue: true,
  });
  assert.deepEqual(result.value, { ok: false, problem: 'not-allowed' });
  await cdp.detach();
});

test('a site Hush does not guard, and a closed chat tab, are said plainly', async () => {
  const other = await browser.context.newPage();
  await other.goto(`${server.origin.replace('127.0.0.1', 'localhost')}/contenteditable.html`);
  const otherView = await openView(other);
  const unguarded = await waitForView(otherView, (v) => v.status.startsWith('Hush does not guard'));
  assert.equal(unguarded.status, 'Hush does not guard this site, so it made no placeholders here.');
  await other.close();
  const closed = await waitForView(otherView, (v) => v.tone === 'bad');
  assert.equal(closed.status, 'The chat tab this view was showing is closed.');
  await otherView.close();
});

test('after the background was stopped, the answer still comes back with the real values', async () => {
  // Chromium stops an idle extension service worker after 30 s, and the chatbot may take longer
  // than that to answer; chrome://serviceworker-internals stops it at once. With the view closed
  // nothing wakes it, until a new view asks: the worker that starts again has a new engine, which
  // must restore from the mapping kept in session storage.
  const chatTabId = await view.evaluate(() => new URLSearchParams(location.search).get('tab'));
  await view.close();
  const internals = await browser.context.newPage();
  await internals.goto('chrome://serviceworker-internals/');
  const workerState = () => internals.evaluate(() => /Running Status: (\w+)/.exec(document.body.innerText)?.[1]);
  await internals.getByText('Stop', { exact: true }).first().click();
  assert.equal(await poll(workerState, (state) => state === 'STOPPED'), 'STOPPED');
  const fresh = await browser.context.newPage();
  await fresh.goto(`${EXTENSION_ORIGIN}/restore.html?tab=${chatTabId}`);
  const shown = await waitForView(fresh, (v) => v.answers.length === 1);
  assert.equal(shown.answers[0]?.text, RESTORED_ANSWER);
  assert.equal(await workerState(), 'RUNNING');
  await fresh.close();
  await internals.close();
});

test("the popup shows the chat tab's status and mode, and its button opens the view in the side panel", async () => {
  // The popup, in a tab of its own, reads the active tab of its window whenever a page's status
  // changes: with the chat tab brought to the front and a finding typed there, that is the chat.
  const popup = await browser.context.newPage();
  await popup.goto(`${EXTENSION_ORIGIN}/popup.html`);
  await chat.bringToFront();
  await chat.evaluate(() => window.hushTestEditor.focus());
  await chat.keyboard.type(VALUES.EMAIL);
  await popup.locator('#read-answers:not([hidden])').waitFor();
  // What the popup says of the chat tab: its status, what was found, and the site's mode and why.
  await popup.getByText('Guarded: 1 sensitive item in the prompt box.').waitFor();
  assert.deepEqual(await popup.locator('#findings li').allTextContents(), ['Email address']);
  assert.equal(
    await popup.locator('#mode').textContent(),
    'Mode: Ask on paste and before sending. You added this site: Hush does not know how it treats what you send.',
  );
  await popup.click('#read-answers');
  const panels = await poll(
    () => worker().evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).map((c) => c.documentUrl)),
    // A panel that is still loading has no document URL yet.
    (urls) => urls.length > 0 && urls.every((url) => url !== ''),
  );
  assert.deepEqual(panels, [`${EXTENSION_ORIGIN}/restore.html`], `open pages: ${browser.context.pages().map((p) => p.url()).join(', ')}`);
});

test("closing the chat tab forgets its placeholders' values", async () => {
  const kept = () => worker().evaluate(async () => Object.keys(await chrome.storage.session.get(null)).filter((key) => key.startsWith('conversation:')));
  assert.equal((await kept()).length, 1, 'one conversation kept while its tab is open');
  await chat.close();
  assert.deepEqual(await poll(kept, (keys) => keys.length === 0), []);
});
