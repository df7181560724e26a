// The in-page guard on the quill page (tests/e2e/pages/quill.html).
import { describeGuardOn } from './lib/guard-spec.mjs';

describeGuardOn('quill.html');
