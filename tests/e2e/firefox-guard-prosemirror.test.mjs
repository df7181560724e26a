// The in-page guard on the prosemirror page (tests/e2e/pages/prosemirror.html), in Firefox ESR.
import { describeGuardOn } from './lib/guard-spec.mjs';
import { openFirefoxTab } from './lib/firefox-tab.mjs';

describeGuardOn('prosemirror.html', openFirefoxTab);
