// The in-page guard on a plain <textarea>.
import { describeGuardOn } from './lib/guard-spec.mjs';

describeGuardOn('textarea.html');
