// A Firefox tab with Hush guarding the test pages, behind the browser-neutral interface that
// guard-spec.mjs drives (see `GuardTab` there): geckodriver and selenium-webdriver underneath.
import { Key, Origin } from 'selenium-webdriver';
import { guardOrigin, launchFirefox, pageStatus, readOverlay } from './firefox.mjs';

/** Playwright's key names (the interface's vocabulary) in WebDriver's terms. */
const KEYS = { Control: Key.CONTROL, Alt: Key.ALT, Shift: Key.SHIFT, Meta: Key.META, End: Key.END, Enter: Key.ENTER, Escape: Key.ESCAPE };

/** A key as WebDriver sends it: a named key, `KeyR` as `r`, or the character itself. */
function webDriverKey(name) {
  return KEYS[name] ?? (/^Key[A-Z]$/.test(name) ? name.slice(3).toLowerCase() : name);
}

/**
 * Launches Firefox (launchFirefox's `launchOptions`) with Hush guarding `origin`; resolves with a
 * GuardTab on the first tab, which also carries `browser` (launchFirefox's answer) for tests that
 * visit Hush's own pages.
 */
export async function openFirefoxTab(origin, launchOptions) {
  const browser = await launchFirefox(launchOptions);
  await guardOrigin(browser, origin);
  const { driver } = browser;
  const pointer = (x, y) => driver.actions().move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT });
  return {
    browser,
    problems: browser.problems,
    goto: (url) => driver.get(url),
    evaluate: (fn, arg) => driver.executeScript(`return (${fn})(arguments[0]);`, arg),
    type: (text) => driver.actions().sendKeys(text).perform(),
    /** `chord` as Playwright writes it: 'Control+z', 'Alt+Shift+KeyR', 'Enter'. */
    press: (chord) => {
      const keys = chord.split('+').map(webDriverKey);
      const last = keys.pop();
      let actions = driver.actions();
      for (const key of keys) actions = actions.keyDown(key);
      actions = actions.keyDown(last).keyUp(last);
      for (const key of keys.reverse()) actions = actions.keyUp(key);
      return actions.perform();
    },
    moveMouse: (x, y) => pointer(x, y).perform(),
    click: (x, y) => pointer(x, y).click().perform(),
    readOverlay: () => readOverlay(driver),
    status: async (until) => pageStatus(browser, await driver.getCurrentUrl(), until),
    writeClipboard: (text) => driver.executeScript('return navigator.clipboard.writeText(arguments[0]);', text),
    close: () => browser.close(),
  };
}
