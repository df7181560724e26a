// The in-page guard on the contenteditable page (tests/e2e/pages/contenteditable.html).
import { describeGuardOn } from './lib/guard-spec.mjs';

describeGuardOn('contenteditable.html');
