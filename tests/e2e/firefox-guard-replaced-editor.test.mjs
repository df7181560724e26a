// The in-page guard on the replaced-editor page (tests/e2e/pages/replaced-editor.html), in Firefox ESR.
import { describeGuardOn } from './lib/guard-spec.mjs';
import { openFirefoxTab } from './lib/firefox-tab.mjs';

describeGuardOn('replaced-editor.html', openFirefoxTab);
