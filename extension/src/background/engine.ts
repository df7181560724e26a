/**
 * The wasm engine, instantiated once per background lifetime. It lives here and not in the
 * content script because Chromium refuses to compile wasm in a content script on pages whose CSP
 * lacks 'wasm-unsafe-eval' (every real chat site): see shared/DESIGN.md.
 */
import init, { HushEngine } from 'hush-wasm';
import type { Finding } from '../shared/findings';
import type { RedactionEdit, Span } from '../shared/messages';

/** Keys of values the user always allows (derived by the engine; the values are not kept). */
const ALLOWED_KEYS = 'allowedValueKeys';

let loading: Promise<HushEngine> | undefined;

async function load(): Promise<HushEngine> {
  await init({ module_or_path: chrome.runtime.getURL('hush_wasm_bg.wasm') });
  const engine = new HushEngine();
  engine.setAllowedKeys(await allowedKeys());
  return engine;
}

/** The engine, loading it on first use; a failed load is retried on the next call. */
export function engine(): Promise<HushEngine> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Scans `text` with the engine. */
export async function scan(text: string): Promise<Finding[]> {
  return (await engine()).scan(text) as Finding[];
}

/** Redacts `text` (only findings overlapping `spans`, when given) within `conversation`. */
export async function redact(conversation: string, text: string, spans?: Span[]): Promise<{ text: string; edits: RedactionEdit[] }> {
  return (await engine()).redact(conversation, text, spans) as { text: string; edits: RedactionEdit[] };
}

/** Never flags `value` again, in this and every later session. */
export async function allowValue(value: string): Promise<void> {
  const hush = await engine();
  const keys = [...new Set([...(await allowedKeys()), hush.allowKey(value)])];
  await chrome.storage.local.set({ [ALLOWED_KEYS]: keys });
  hush.setAllowedKeys(keys);
}

async function allowedKeys(): Promise<string[]> {
  const stored: unknown = (await chrome.storage.local.get(ALLOWED_KEYS))[ALLOWED_KEYS];
  return Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : [];
}
