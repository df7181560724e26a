// The in-page guard on the contenteditable page (tests/e2e/pages/contenteditable.html), in Firefox ESR.
import { describeGuardOn } from './lib/guard-spec.mjs';
import { openFirefoxTab } from './lib/firefox-tab.mjs';

describeGuardOn('contenteditable.html', openFirefoxTab);
