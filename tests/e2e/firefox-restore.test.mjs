// The restore view in Firefox ESR: a chatbot's answer that echoes the placeholders Hush made is
// shown with the real values in restore.html (the sidebar's page, opened here in a window of its
// own for the chat tab), never in the chat page; Copy puts the restored text on the clipboard; the
// answer still restores after the background was stopped; the popup's button opens the sidebar.
// (A content script asking for restored answers is refused by the same check as in Chromium,
// proven in restore.test.mjs: WebDriver cannot run code in a content script's sandbox.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { By } from 'selenium-webdriver';
import { servePages } from './lib/server.mjs';
import { openFirefoxTab } from './lib/firefox-tab.mjs';
import { extensionPage, inExtension } from './lib/firefox.mjs';
import { poll } from './lib/overlay.mjs';
import { EMPTY, PROMPT, REDACTED_PROMPT, RESTORED_ANSWER, VALUES, answersInPage, readView, valuesInPage } from './lib/restore.mjs';

let server;
let tab;
let driver;
let chatWindow;
let viewWindow;
let chatUrl;

/** The id and window of the tab showing `url`, asked of the extension. */
const tabOf = (url) =>
  inExtension(
    tab.browser,
    async (url) => {
      const found = (await chrome.tabs.query({})).find((t) => t.url === url);
      return found && { id: found.id, windowId: found.windowId };
    },
    url,
  );

/** Runs `fn(arg)` in the window `handle` and comes back to the chat window. */
async function inWindow(handle, fn, arg) {
  await driver.switchTo().window(handle);
  try {
    return await driver.executeScript(`return (${fn})(arguments[0]);`, arg);
  } finally {
    await driver.switchTo().window(chatWindow);
  }
}

/** Polls the view until `until(view)` holds; resolves with the last read. */
const waitForView = (until) => poll(() => inWindow(viewWindow, readView), until);

before(async () => {
  server = await servePages();
  tab = await openFirefoxTab(server.origin);
  driver = tab.browser.driver;
  chatUrl = `${server.origin}/textarea.html`;
  await tab.goto(chatUrl);
  await tab.status((s) => s.state === 'guarded');
  chatWindow = await driver.getWindowHandle();
});

after(async () => {
  await tab?.close();
  await server?.close();
});

test('before any answer mentions a placeholder, the view says so', async () => {
  const { id } = await tabOf(chatUrl);
  await driver.switchTo().newWindow('window');
  await driver.get(extensionPage(`restore.html?tab=${id}`));
  viewWindow = await driver.getWindowHandle();
  await driver.switchTo().window(chatWindow);
  const shown = await waitForView((v) => v.status === EMPTY);
  assert.equal(shown.status, EMPTY);
  assert.deepEqual(shown.answers, []);
});

test('the answer comes back with the real values in the view, while the page keeps the placeholders', async () => {
  await tab.evaluate(() => window.hushTestEditor.focus());
  await tab.type(PROMPT);
  await tab.status((s) => s.findings?.length === 2);
  await tab.press('Alt+Shift+KeyR');
  const redacted = await poll(() => tab.evaluate(() => window.hushTestEditor.text()), (text) => REDACTED_PROMPT.test(text));
  assert.match(redacted, REDACTED_PROMPT);
  await tab.status((s) => s.findings?.length === 0);
  await driver.findElement(By.id('send')).click();
  const [answer] = await poll(() => tab.evaluate(answersInPage), (answers) => answers.length === 1);
  assert.equal(answer, `Noted. You wrote: ${redacted}`, 'the chatbot saw placeholders only');

  // The view was open all along, in a window of its own: it picks the answer up by itself.
  const shown = await waitForView((v) => v.answers.length === 1);
  assert.equal(shown.status, '1 answer with the real values, newest first.');
  assert.equal(shown.answers[0].text, RESTORED_ANSWER);
  assert.deepEqual(shown.answers[0].marks.map((m) => m.text), [VALUES.EMAIL, VALUES.SECRET]);
  assert.match(shown.answers[0].marks[1].title, /^Shown on the page as \[SECRET_\d+\]$/);

  assert.deepEqual(await tab.evaluate(valuesInPage, Object.values(VALUES)), [], 'the chat page never holds a real value');
  assert.deepEqual(tab.problems, []);
});

test('Copy puts the answer with the real values on the clipboard', async () => {
  await driver.switchTo().window(viewWindow);
  try {
    await driver.findElement(By.css('#answers .answer button')).click();
    // Firefox lets a page read the clipboard without asking under the profile's
    // dom.events.testing.asyncClipboard preference (see lib/firefox.mjs).
    const copied = await poll(() => driver.executeScript('return navigator.clipboard.readText();'), (text) => text === RESTORED_ANSWER);
    assert.equal(copied, RESTORED_ANSWER);
  } finally {
    await driver.switchTo().window(chatWindow);
  }
  assert.deepEqual(await tab.evaluate(valuesInPage, Object.values(VALUES)), []);
});

test('after the background was stopped, the answer still comes back with the real values', async () => {
  // Firefox suspends an idle event page (after 30 s), and the chatbot may take longer than that to
  // answer; about:debugging terminates it at once. With the view closed nothing wakes it, until a
  // new view asks: the new background's engine must restore from the mapping kept in session storage.
  await driver.switchTo().window(viewWindow);
  await driver.close();
  await driver.switchTo().window(chatWindow);
  await driver.switchTo().newWindow('tab');
  await driver.get('about:debugging#/runtime/this-firefox');
  const backgroundState = () =>
    driver.executeScript(() => /Background script\s+(\w+)/.exec(document.body.innerText)?.[1]);
  assert.equal(await poll(backgroundState, (state) => state === 'Running'), 'Running');
  await driver.findElement(By.xpath('//button[normalize-space()="Terminate background script"]')).click();
  assert.equal(await poll(backgroundState, (state) => state === 'Stopped'), 'Stopped');
  await driver.close();
  await driver.switchTo().window(chatWindow);

  const { id } = await tabOf(chatUrl);
  await driver.switchTo().newWindow('window');
  await driver.get(extensionPage(`restore.html?tab=${id}`));
  viewWindow = await driver.getWindowHandle();
  await driver.switchTo().window(chatWindow);
  const shown = await waitForView((v) => v.answers.length === 1);
  assert.equal(shown.answers[0]?.text, RESTORED_ANSWER);
});

test("the popup's button opens the view in the sidebar", async () => {
  // The popup, in a tab of its own beside the chat, reads the active tab of its window whenever a
  // page's status changes: with the chat tab in front and a finding typed there, that is the chat.
  await driver.switchTo().newWindow('tab');
  await driver.get(extensionPage('popup.html'));
  const popupTab = await driver.getWindowHandle();
  await driver.switchTo().window(chatWindow);
  await tab.evaluate(() => window.hushTestEditor.focus());
  await tab.type(VALUES.EMAIL);
  await tab.status((s) => s.findings?.length === 1);
  await driver.switchTo().window(popupTab);
  const button = await driver.findElement(By.id('read-answers'));
  await poll(() => button.isDisplayed(), Boolean);
  await button.click();
  await driver.switchTo().window(chatWindow);
  const { windowId } = await tabOf(chatUrl);
  const open = await poll(() => inExtension(tab.browser, (windowId) => browser.sidebarAction.isOpen({ windowId }), windowId), Boolean);
  assert.equal(open, true);
});
