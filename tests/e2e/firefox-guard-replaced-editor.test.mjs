// The in-page guard on the replaced-editor page (tests/e2e/pages/replaced-editor.html), in Firefox
// ESR, once the page has swapped its prompt box by itself: Hush must be guarding the new box.
import { composerSwapped, describeGuardOn } from './lib/guard-spec.mjs';
import { openFirefoxTab } from './lib/firefox-tab.mjs';

describeGuardOn('replaced-editor.html', openFirefoxTab, composerSwapped);
