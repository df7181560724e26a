// The in-page guard on the quill page (tests/e2e/pages/quill.html), in Firefox ESR.
import { describeGuardOn } from './lib/guard-spec.mjs';
import { openFirefoxTab } from './lib/firefox-tab.mjs';

describeGuardOn('quill.html', openFirefoxTab);
