// The in-page guard on the lexical page (tests/e2e/pages/lexical.html), in Firefox ESR.
import { describeGuardOn } from './lib/guard-spec.mjs';
import { openFirefoxTab } from './lib/firefox-tab.mjs';

describeGuardOn('lexical.html', openFirefoxTab);
