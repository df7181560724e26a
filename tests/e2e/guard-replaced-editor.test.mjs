// The in-page guard on the replaced-editor page (tests/e2e/pages/replaced-editor.html), once the
// page has swapped its prompt box by itself: Hush must be guarding the new box.
import { composerSwapped, describeGuardOn } from './lib/guard-spec.mjs';
import { openChromiumTab } from './lib/chromium-tab.mjs';

describeGuardOn('replaced-editor.html', openChromiumTab, composerSwapped);
