/**
 * Guards one page's prompt box: scans its text on every change, underlines findings, keeps the
 * badge current, and rewrites text through the editor when the user redacts or pastes.
 */
import { worstSeverity, type Finding } from '../shared/findings';
import type { PageStatus, RedactionEdit, Span } from '../shared/messages';
import { send } from '../shared/messaging';
import { chooseMode, modeInEffect, onSitesChanged } from '../shared/settings';
import type { SiteMode, SiteProfile } from '../shared/sites';
import { AuditReporter } from './audit-reporter';
import { caretAfterEdits } from './edits';
import { FindingCard, type FindingAction } from './finding-card';
import { Overlay, type BadgeState } from './overlay';
import { PasteGuard } from './paste-guard';
import type { PerfProbe } from './perf-probe';
import { promptBox, PromptBoxLocator, type PromptBox, type TextEdit } from './prompt-box';
import { ScanScheduler } from './scan-scheduler';
import { SendGuard } from './send-guard';

/** How long a scan may take before the engine counts as not answering. */
const SCAN_TIMEOUT_MS = 3000;
/** The toolbar hears of a page's status at most this often. */
const REPORT_EVERY_MS = 150;
/** How long a guarded page may go without a prompt box before Hush says it is unprotected. */
const PROMPT_BOX_GRACE_MS = 5000;

/** Rejects when `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)),
  ]);
}

function toEdits(edits: readonly RedactionEdit[]): TextEdit[] {
  return edits.map(({ start, end, placeholder }) => ({ start, end, text: placeholder }));
}

/** Everything Hush does for one guarded page. */
export class PromptGuard {
  private readonly boxes: PromptBoxLocator;
  private readonly overlay: Overlay;
  private readonly card: FindingCard;
  private readonly scheduler: ScanScheduler;
  private box: PromptBox | undefined;
  /** The findings of the last scan, and the text they are offsets into. */
  private findings: Finding[] = [];
  private scannedText = '';
  /** Values the user chose to ignore once; forgotten when the box is emptied (sent). */
  private readonly ignored = new Set<string>();
  private engineDown: string | undefined;
  private redrawQueued = false;
  private boxCheckQueued = false;
  private missingBoxTimer: ReturnType<typeof setTimeout> | undefined;
  private lastReport: string | undefined;
  private latestStatus: PageStatus | undefined;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly audit = new AuditReporter();
  /** The site's mode; the site's default until the user's choice is read. */
  private mode: SiteMode;
  /** Aborted when the guard stops: every listener goes with it. */
  private readonly lifetime = new AbortController();
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly site: SiteProfile,
    private readonly probe?: PerfProbe,
  ) {
    this.mode = site.mode;
    this.boxes = new PromptBoxLocator(site);
    this.overlay = new Overlay(() => void this.redact());
    this.card = new FindingCard(this.overlay.layer);
    this.scheduler = new ScanScheduler(() => this.scan());
    new PasteGuard(this.boxes, this.overlay.layer, {
      box: (element) => this.boxFor(element),
      scan: (text) => this.engineScan(text),
      redact: (text) => send({ kind: 'redact', text }),
      pastedRedacted: (text, findings) => this.audit.record('paste_redacted', text, findings),
      onSensitivePaste: () => ({ strict: 'redact', ask: 'ask', trusted: 'keep' } as const)[this.mode],
      rememberAlways: () => void chooseMode(site, 'strict'),
    }, this.lifetime.signal);
    new SendGuard(this.boxes, site.sendButton, this.overlay.layer, {
      box: (element) => this.boxFor(element),
      knownFindings: (text) => (text === this.scannedText && this.engineDown === undefined ? this.findings : undefined),
      findingsIn: (text) => this.findingsIn(text),
      redactAll: () => this.redact(),
      mode: () => this.mode,
      record: (action, text, findings) => this.audit.record(action, text, findings),
    }, this.lifetime.signal);
  }

  /** Keeps the site's mode current: the user may change it in the popup or the options page. */
  private async readMode(): Promise<void> {
    this.mode = (await modeInEffect(this.site)).mode;
  }

  /** Starts listening. Listeners go on the window in the capture phase so the page cannot hide events. */
  start(): void {
    const { signal } = this.lifetime;
    const options = { capture: true, passive: true, signal } as const;
    addEventListener('input', (event) => {
      if (!this.boxes.boxOf(event)) return;
      this.probe?.inputSeen(event.timeStamp);
      this.scheduler.request();
    }, options);
    addEventListener('keydown', (event) => this.onKeyDown(event), { capture: true, signal });
    addEventListener('scroll', () => this.requestRedraw(), options);
    addEventListener('resize', () => this.requestRedraw(), options);
    addEventListener('pointermove', (event) => this.onPointer(event.clientX, event.clientY), options);
    document.addEventListener('selectionchange', () => this.onCaret(), options);
    // Single-page apps build their prompt box late and replace it on navigation: follow the DOM,
    // at most once per frame.
    const observer = new MutationObserver(() => this.requestBoxCheck());
    observer.observe(document, { childList: true, subtree: true });
    this.cleanups.push(() => observer.disconnect(), onSitesChanged(() => void this.readMode()));
    void this.readMode();
    this.checkBox();
  }

  /** Scans the box again: the engine changed (its dictionary or detectors), so the same text may hold other findings. */
  rescan(): void {
    this.scheduler.request();
  }

  /** Stops guarding (the user paused Hush on this site): listeners, underlines and badge go. */
  stop(): void {
    this.lifetime.abort();
    for (const cleanup of this.cleanups) cleanup();
    clearTimeout(this.missingBoxTimer);
    this.card.hide();
    this.overlay.detach();
    this.report({ state: 'paused' });
  }

  private get stopped(): boolean {
    return this.lifetime.signal.aborted;
  }

  private requestBoxCheck(): void {
    if (this.boxCheckQueued) return;
    this.boxCheckQueued = true;
    requestAnimationFrame(() => {
      this.boxCheckQueued = false;
      this.checkBox();
    });
  }

  /**
   * Rescans when the prompt box appeared, disappeared or was replaced. A box missing for longer
   * than the grace period makes the page "unprotected": never silently green.
   */
  private checkBox(): void {
    const element = this.boxes.current();
    if (element !== this.box?.element) this.scheduler.request();
    if (element) {
      clearTimeout(this.missingBoxTimer);
      this.missingBoxTimer = undefined;
    } else {
      this.missingBoxTimer ??= setTimeout(() => {
        if (!this.boxes.current()) this.report({ state: 'unprotected', reason: 'no-prompt-box' });
      }, PROMPT_BOX_GRACE_MS);
    }
  }

  /**
   * The status the toolbar shows for this page: sent at most once per REPORT_EVERY_MS (the
   * latest one), and only when it changed, so that the background's storage and badge writes
   * never compete with a keystroke's scan.
   */
  private report(status: PageStatus): void {
    this.latestStatus = status;
    this.reportTimer ??= setTimeout(() => this.sendReport(), REPORT_EVERY_MS);
  }

  private sendReport(): void {
    this.reportTimer = undefined;
    const status = this.latestStatus;
    const serialized = JSON.stringify(status);
    if (status === undefined || serialized === this.lastReport) return;
    this.lastReport = serialized;
    send({ kind: 'page-status', status }).catch(() => {
      this.lastReport = undefined;
    });
  }

  private boxFor(element: HTMLElement): PromptBox {
    if (this.box?.element !== element) this.box = promptBox(element, this.overlay.mirror);
    return this.box;
  }

  private async engineScan(text: string): Promise<Finding[]> {
    const result = await withTimeout(send({ kind: 'scan', text }), SCAN_TIMEOUT_MS);
    if (!result.ok) throw new Error(result.error);
    return result.findings;
  }

  /** The findings in `text`, leaving out the values the user chose to ignore. */
  private async findingsIn(text: string): Promise<Finding[]> {
    return (await this.engineScan(text)).filter((f) => !this.ignored.has(text.slice(f.start, f.end)));
  }

  private async scan(): Promise<void> {
    if (this.stopped) return;
    const element = this.boxes.current();
    if (!element) {
      this.box = undefined;
      this.findings = [];
      this.redraw();
      return;
    }
    const box = this.boxFor(element);
    const text = box.text();
    if (text === '') this.ignored.clear();
    try {
      this.findings = await this.findingsIn(text);
      this.engineDown = undefined;
      this.scannedText = text;
      this.report({ state: 'guarded', findings: this.findings });
      this.audit.scanned(text, this.findings);
    } catch (error) {
      this.engineDown = error instanceof Error ? error.message : String(error);
      this.findings = [];
      this.report({ state: 'unprotected', reason: 'engine-unavailable', detail: this.engineDown });
    }
    this.redraw();
    this.probe?.drawn();
  }

  private requestRedraw(): void {
    if (this.redrawQueued) return;
    this.redrawQueued = true;
    requestAnimationFrame(() => {
      this.redrawQueued = false;
      this.redraw();
    });
  }

  private redraw(): void {
    if (this.stopped) return;
    this.overlay.attach();
    const box = this.box;
    // Positions are only meaningful for the text the findings were computed on.
    const current = box !== undefined && box.text() === this.scannedText;
    const rects = current ? box.rects(this.findings) : [];
    this.overlay.drawMarks(this.findings.map((f, i) => ({ rects: rects[i] ?? [], severity: f.severity })));
    this.overlay.showBadge(box?.element.getBoundingClientRect(), this.badgeState());
    if (this.card.shownFor !== undefined && this.card.shownFor >= this.findings.length) this.card.hide();
  }

  private badgeState(): BadgeState | undefined {
    if (!this.box) return undefined;
    if (this.engineDown !== undefined) return { tone: 'unprotected', message: 'Hush is not checking this box: the engine does not answer' };
    const worst = worstSeverity(this.findings);
    return worst ? { tone: worst, count: this.findings.length } : { tone: 'ok' };
  }

  /** Alt+Shift+R in the prompt box redacts everything flagged. */
  private onKeyDown(event: KeyboardEvent): void {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.code !== 'KeyR') return;
    if (!this.boxes.boxOf(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    void this.redact();
  }

  private onPointer(x: number, y: number): void {
    if (this.card.contains(x, y)) return;
    const index = this.overlay.markAt(x, y);
    if (index === undefined) this.card.hide();
    else this.showCard(index);
  }

  /** A caret inside a finding shows its card, as hovering does. */
  private onCaret(): void {
    const caret = this.box?.caret();
    if (caret === undefined) return;
    const index = this.findings.findIndex((f) => caret > f.start && caret < f.end);
    if (index >= 0) this.showCard(index);
  }

  private showCard(index: number): void {
    const finding = this.findings[index];
    const anchor = this.box?.rects([finding ?? { start: 0, end: 0 }])[0]?.at(-1);
    if (!finding || !anchor || this.card.shownFor === index) return;
    this.card.show(index, finding.label, anchor, (action) => void this.act(action, finding));
  }

  private async act(action: FindingAction, finding: Finding): Promise<void> {
    const value = this.scannedText.slice(finding.start, finding.end);
    if (action === 'redact') await this.redact([finding]);
    if (action === 'ignore') {
      this.ignored.add(value);
      this.audit.record('ignored', this.scannedText, [finding]);
    }
    if (action === 'allow') {
      await send({ kind: 'allow-value', value });
      this.audit.record('allowed', this.scannedText, [finding]);
    }
    this.scheduler.request();
  }

  /**
   * Redacts `spans` (every finding when omitted) through the editor, keeping the caret in place;
   * true when the editor took the redaction.
   */
  private async redact(spans?: Span[]): Promise<boolean> {
    const box = this.box;
    if (!box) return false;
    const text = box.text();
    const result = await send(spans ? { kind: 'redact', text, spans } : { kind: 'redact', text });
    // The user may have typed while the engine worked: offsets would be wrong, so do nothing.
    if (!result.ok || result.edits.length === 0 || box.text() !== text) return false;
    const caret = box.caret();
    const edits = toEdits(result.edits);
    const applied = await box.apply(edits);
    if (applied && caret !== undefined) box.setCaret(caretAfterEdits(caret, edits));
    if (applied) {
      // The last scan may be of an older text (the user typed on, then redacted at once).
      const findings = this.scannedText === text ? this.findings : await this.engineScan(text).catch(() => []);
      this.audit.record('redacted', text, findings.filter((f) => edits.some((e) => e.start <= f.start && f.end <= e.end)));
    }
    // Editors that insert the text themselves (Lexical, Quill) cancel the beforeinput, and Firefox
    // then fires no input event (seen with Firefox ESR 153): rescan, or stale underlines stay.
    this.scheduler.request();
    return applied;
  }
}
