// The in-page guard on the replaced-editor page (tests/e2e/pages/replaced-editor.html).
import { describeGuardOn } from './lib/guard-spec.mjs';

describeGuardOn('replaced-editor.html');
