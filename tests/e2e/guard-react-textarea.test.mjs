// The in-page guard on the react-textarea page (tests/e2e/pages/react-textarea.html).
import { describeGuardOn } from './lib/guard-spec.mjs';

describeGuardOn('react-textarea.html');
