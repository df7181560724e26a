/**
 * Guards the send. With findings left in the prompt box, Enter or the site's send button first
 * asks "Send with N sensitive items?" (strict and ask modes) and only warns on trusted sites. The
 * site's own send then runs, by the same key or button, on the text the user chose.
 */
import { describeFindings, type Finding } from '../shared/findings';
import type { AuditAction } from '../shared/protocol';
import type { SiteMode } from '../shared/sites';
import { ask, notify, promptOpen } from './choice-prompt';
import type { PromptBox, PromptBoxLocator } from './prompt-box';

/** What the send guard needs from the page guard. */
export interface SendGuardDeps {
  /** The prompt box an element belongs to. */
  box(element: HTMLElement): PromptBox;
  /** The findings in `text` if the last scan was of exactly that text (ignored values left out). */
  knownFindings(text: string): Finding[] | undefined;
  /** Scans `text` now (ignored values left out); rejects when the engine does not answer. */
  findingsIn(text: string): Promise<Finding[]>;
  /** Redacts every finding in the box; true once the editor holds the redacted text. */
  redactAll(): Promise<boolean>;
  /** The site's mode now. */
  mode(): SiteMode;
  /** Reports an audit event on `findings` (offsets into `text`). */
  record(action: AuditAction, text: string, findings: readonly Finding[]): void;
}

/** How the user asked to send: a key in the box, or a click on the site's send button. */
type SendGesture = { key: KeyboardEventInit; box: HTMLElement } | { button: HTMLElement };

/** Catches sends from the prompt box and decides, with the user, what goes. */
export class SendGuard {
  /** Set while Hush replays a send, so that its own listeners let it through. */
  private replaying = false;

  constructor(
    private readonly boxes: PromptBoxLocator,
    private readonly sendButton: string,
    private readonly layer: HTMLElement,
    private readonly deps: SendGuardDeps,
    signal: AbortSignal,
  ) {
    // The window's capture phase runs before any listener of the page's.
    addEventListener('keydown', (event) => this.onKeyDown(event), { capture: true, signal });
    addEventListener('click', (event) => this.onClick(event), { capture: true, signal });
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (this.replaying || promptOpen() || !isSendKey(event)) return;
    const element = this.boxes.boxOf(event);
    if (!element) return;
    const { key, code, ctrlKey, metaKey } = event;
    this.intercept(event, element, { key: { key, code, ctrlKey, metaKey, keyCode: 13, which: 13 }, box: element });
  }

  private onClick(event: MouseEvent): void {
    if (this.replaying || promptOpen() || !(event.target instanceof Element)) return;
    const button = event.target.closest<HTMLElement>(this.sendButton);
    const element = this.boxes.current();
    if (!button || !element || !sendsFrom(button, element)) return;
    this.intercept(event, element, { button });
  }

  /** Holds the send when the box holds findings (or may: its text changed since the last scan). */
  private intercept(event: Event, element: HTMLElement, gesture: SendGesture): void {
    const box = this.deps.box(element);
    const text = box.text();
    const known = this.deps.knownFindings(text);
    if (known?.length === 0) return;
    if (this.deps.mode() === 'trusted') {
      void this.warn(box, text, known);
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    void this.decide(box, text, known, gesture);
  }

  /** Trusted sites: the message goes as it is, with a notice of what it held. */
  private async warn(box: PromptBox, text: string, known: Finding[] | undefined): Promise<void> {
    const findings = known ?? (await this.deps.findingsIn(text).catch(() => []));
    if (findings.length === 0) return;
    this.deps.record('sent_with_findings', text, findings);
    notify(this.layer, box.element.getBoundingClientRect(), 'notice', `Sent with ${describeFindings(findings)}.`);
  }

  private async decide(box: PromptBox, text: string, known: Finding[] | undefined, gesture: SendGesture): Promise<void> {
    // When the engine does not answer, the badge says so in red; the message is not held hostage.
    const findings = known ?? (await this.deps.findingsIn(text).catch(() => []));
    if (findings.length === 0) {
      this.replay(gesture);
      return;
    }
    const answer = await ask(this.layer, box.element.getBoundingClientRect(), {
      name: 'send',
      message: `Send with ${describeFindings(findings)}?`,
      choices: [
        { id: 'redact', label: 'Redact and send' },
        { id: 'send', label: 'Send anyway' },
        { id: 'cancel', label: 'Cancel' },
      ],
    });
    if (answer.choice === 'cancel') {
      this.deps.record('blocked', text, findings);
    } else if (answer.choice === 'send') {
      this.deps.record('sent_with_findings', text, findings);
      this.replay(gesture);
    } else if (await this.deps.redactAll()) {
      await textChanged(box, text);
      this.replay(gesture);
    }
  }

  /** Sends the way the user asked to, letting the page's own handlers do the sending. */
  private replay(gesture: SendGesture): void {
    this.replaying = true;
    try {
      if ('button' in gesture) gesture.button.click();
      else gesture.box.dispatchEvent(new KeyboardEvent('keydown', { ...gesture.key, bubbles: true, cancelable: true, composed: true }));
    } finally {
      this.replaying = false;
    }
  }
}

/** Whether `button` can send `box`: a button in a form sends that form's box only (not a search form's). */
function sendsFrom(button: HTMLElement, box: HTMLElement): boolean {
  const form = button.closest('form');
  return form === null || form.contains(box);
}

/** How many frames an editor gets to show a redaction before the send goes anyway. */
const COMMIT_FRAMES = 30;

/** Resolves once `box` no longer holds `text` (editors such as Lexical commit a frame later). */
async function textChanged(box: PromptBox, text: string): Promise<void> {
  for (let frame = 0; frame < COMMIT_FRAMES && box.text() === text; frame += 1) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Enter (alone, or with Ctrl or Cmd, as some sites send) outside an IME composition. */
function isSendKey(event: KeyboardEvent): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.isComposing && event.keyCode !== 229;
}
