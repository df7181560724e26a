// The in-page guard on the textarea page (tests/e2e/pages/textarea.html), in Firefox ESR.
import { describeGuardOn } from './lib/guard-spec.mjs';
import { openFirefoxTab } from './lib/firefox-tab.mjs';

describeGuardOn('textarea.html', openFirefoxTab);
