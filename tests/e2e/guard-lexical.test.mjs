// The in-page guard on the lexical page (tests/e2e/pages/lexical.html).
import { describeGuardOn } from './lib/guard-spec.mjs';

describeGuardOn('lexical.html');
