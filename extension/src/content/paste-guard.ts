/**
 * Catches a paste into the prompt box before it lands. The paste is held, its text scanned, and
 * then: nothing sensitive, it is pasted as it was; otherwise the site's mode decides: strict sites
 * paste it redacted, trusted ones as it was (underlined), and the others ask "Paste redacted" (the
 * default) or "Paste original".
 */
import { describeFindings, type Finding } from '../shared/findings';
import type { RedactResult } from '../shared/messages';
import { ask } from './choice-prompt';
import { SYNTHETIC_PASTES, type PromptBox, type PromptBoxLocator } from './prompt-box';

/** What the paste guard needs from the page guard. */
export interface PasteGuardDeps {
  box(element: HTMLElement): PromptBox;
  scan(text: string): Promise<Finding[]>;
  redact(text: string): Promise<RedactResult>;
  /** A paste holding `findings` (offsets into `text`) landed redacted. */
  pastedRedacted(text: string, findings: readonly Finding[]): void;
  /** What the site's mode does with a sensitive paste: redact it, ask, or keep it as it is. */
  onSensitivePaste(): 'redact' | 'ask' | 'keep';
  /** The user ticked "always paste redacted on this site": the site's mode becomes strict. */
  rememberAlways(): void;
}

/** Holds pastes into the prompt box until their content has been checked. */
export class PasteGuard {
  constructor(
    private readonly boxes: PromptBoxLocator,
    private readonly layer: HTMLElement,
    private readonly deps: PasteGuardDeps,
    signal: AbortSignal,
  ) {
    addEventListener('paste', (event) => this.onPaste(event), { capture: true, signal });
  }

  private onPaste(event: ClipboardEvent): void {
    if (SYNTHETIC_PASTES.has(event)) return;
    const element = this.boxes.boxOf(event);
    const text = event.clipboardData?.getData('text/plain');
    if (!element || !event.clipboardData || !text) return;
    const box = this.deps.box(element);
    const span = box.selection();
    if (!span) return;
    // Keep what the clipboard held: the event's DataTransfer is emptied once the handler returns.
    const original = new DataTransfer();
    for (const type of event.clipboardData.types) {
      if (type.startsWith('text/')) original.setData(type, event.clipboardData.getData(type));
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    void this.land(box, span, original, text);
  }

  private async land(box: PromptBox, span: { start: number; end: number }, original: DataTransfer, text: string): Promise<void> {
    let findings: Finding[];
    try {
      findings = await this.deps.scan(text);
    } catch {
      // The engine is down (the badge says so in red): never lose the user's paste.
      await box.paste(span, original);
      return;
    }
    if (findings.length === 0) {
      await box.paste(span, original);
      return;
    }
    const policy = this.deps.onSensitivePaste();
    let paste: 'redacted' | 'original' = policy === 'keep' ? 'original' : 'redacted';
    if (policy === 'ask') {
      const answer = await ask(this.layer, box.element.getBoundingClientRect(), {
        name: 'paste',
        message: `This paste holds ${describeFindings(findings)}.`,
        choices: [
          { id: 'redacted', label: 'Paste redacted' },
          { id: 'original', label: 'Paste original' },
        ],
        checkbox: 'Always paste redacted on this site',
      });
      if (answer.choice === 'cancel') return;
      paste = answer.choice;
      if (answer.checked && paste === 'redacted') this.deps.rememberAlways();
    }
    if (paste === 'original') {
      await box.paste(span, original);
      return;
    }
    // If redaction fails nothing is pasted: the clipboard still holds the text, and pasting the
    // original is what the user just declined.
    const redacted = await this.deps.redact(text);
    if (!redacted.ok) return;
    const plain = new DataTransfer();
    plain.setData('text/plain', redacted.text);
    if (await box.paste(span, plain)) this.deps.pastedRedacted(text, findings);
  }
}

