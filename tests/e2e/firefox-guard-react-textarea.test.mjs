// The in-page guard on the react-textarea page (tests/e2e/pages/react-textarea.html), in Firefox ESR.
import { describeGuardOn } from './lib/guard-spec.mjs';
import { openFirefoxTab } from './lib/firefox-tab.mjs';

describeGuardOn('react-textarea.html', openFirefoxTab);
