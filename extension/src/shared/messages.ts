/**
 * Messages between the extension's contexts: a `kind`-discriminated union, one handler per kind
 * in the background. Only shared/messaging.ts touches the runtime messaging API.
 */
import type { HushDetector } from 'hush-wasm';
import type { HostReply } from './host-requests';
import type { AuditAction, RequestType } from './protocol';
import type { Finding } from './findings';
import type { RestoredPiece } from './placeholders';

/** Why a guarded page is not protected right now. */
export type Unprotected = 'no-prompt-box' | 'engine-unavailable';

/** What the content script knows about its tab, reported after every scan. */
export type PageStatus =
  | { state: 'guarded'; findings: Finding[] }
  | { state: 'unprotected'; reason: Unprotected; detail?: string }
  | { state: 'paused' };

/** Requests to the background, each with the type of its answer. */
export interface Requests {
  /** Scan a prompt box's text with the engine. */
  scan: { request: { text: string }; response: ScanResult };
  /** Replaces findings in `text` with placeholders that stay the same within the tab's conversation. */
  redact: { request: { text: string; spans?: Span[] }; response: RedactResult };
  /** The engine's built-in detectors, for the options page. */
  detectors: { request: object; response: DetectorsResult };
  /** Never flag this value again (the engine keeps only a key derived from it). */
  'allow-value': { request: { value: string }; response: null };
  /** The content script's latest view of its tab, for the toolbar badge and the popup. */
  'page-status': { request: { status: PageStatus }; response: null };
  /** Timing samples for the browser benchmark (only sent while it runs). */
  'perf-samples': { request: { samples: { metric: 'startup' | 'keystroke'; ms: number }[] }; response: null };
  /** What the background knows of a tab (the popup asks). */
  'tab-status': { request: { tabId: number }; response: PageStatus | null };
  /** Something happened to findings in the prompt box: an audit event (values go to the host only). */
  audit: { request: { action: AuditAction; findings: AuditedFinding[] }; response: null };
  /** A request to the native host, from Hush's own pages only (see shared/host-requests.ts). */
  'host-request': { request: { type: RequestType; body: object }; response: HostReply };
  /** The chat tab's answers with the real values, from Hush's own pages only (the restore view). */
  'restore-answers': { request: { tabId: number }; response: RestoreAnswersResult };
}

/** Requests from the background to a tab's content script, each with the type of its answer. */
export interface TabRequests {
  /** The texts of the chatbot's answers that may hold a placeholder (a word in square brackets). */
  'read-answers': { request: object; response: AnswersRead };
  /** The engine changed (its client dictionary or its detectors): scan the prompt box again. */
  rescan: { request: object; response: null };
}

/** What a content script read of its page's answers; `guarded` is false where Hush makes no placeholders. */
export type AnswersRead = { guarded: true; answers: string[] } | { guarded: false };

/** Why the restore view has no answers to show. */
export type RestoreProblem =
  | 'not-allowed'
  | 'tab-closed'
  | 'unreadable'
  | 'not-guarded'
  | 'engine-unavailable';

/** One answer with its placeholders turned back into the real values. */
export interface RestoredAnswer {
  pieces: RestoredPiece[];
}

/** The chat tab's answers with the real values, oldest first, or why there are none. */
export type RestoreAnswersResult =
  | { ok: true; answers: RestoredAnswer[] }
  | { ok: false; problem: RestoreProblem; detail?: string };

/** One finding in an audit event: the host keeps a keyed fingerprint of `value`, never the value. */
export interface AuditedFinding {
  kind: string;
  rule: string;
  value: string;
}

/** A request kind. */
export type RequestKind = keyof Requests;

/** A request as sent: its kind plus its fields. */
export type Request<K extends RequestKind = RequestKind> = { kind: K } & Requests[K]['request'];

/** A request's answer. */
export type Response<K extends RequestKind> = Requests[K]['response'];

/** A request kind a content script answers. */
export type TabRequestKind = keyof TabRequests;

/** A request to a content script as sent: its kind plus its fields. */
export type TabRequest<K extends TabRequestKind = TabRequestKind> = { kind: K } & TabRequests[K]['request'];

/** A content script's answer to a request. */
export type TabResponse<K extends TabRequestKind> = TabRequests[K]['response'];

/** A range of UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/** One replacement made by redaction: `[start, end)` of the original text became `placeholder`. */
export interface RedactionEdit extends Span {
  placeholder: string;
}

/** The engine's answer to a redaction. */
export type RedactResult = { ok: true; text: string; edits: RedactionEdit[] } | { ok: false; error: string };

/** A built-in detector, as the engine lists it: the id the options page switches off, and what it finds in words. */
export type DetectorInfo = HushDetector;

/** The engine's built-in detectors, or why they cannot be listed. */
export type DetectorsResult = { ok: true; detectors: DetectorInfo[] } | { ok: false; error: string };

/** The engine's answer to a scan. */
export type ScanResult = { ok: true; findings: Finding[] } | { ok: false; error: string };
