// The in-page guard on the prosemirror page (tests/e2e/pages/prosemirror.html).
import { describeGuardOn } from './lib/guard-spec.mjs';

describeGuardOn('prosemirror.html');
