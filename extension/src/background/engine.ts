/**
 * The wasm engine, instantiated once per background lifetime. It lives here and not in the
 * content script because Chromium refuses to compile wasm in a content script on pages whose CSP
 * lacks 'wasm-unsafe-eval' (every real chat site): see shared/DESIGN.md.
 */
import init, { HushEngine, type HushConversationState, type HushDetector, type HushDictionary } from 'hush-wasm';
import type { Finding } from '../shared/findings';
import type { RedactionEdit, Span } from '../shared/messages';
import type { RestoredPiece } from '../shared/placeholders';
import { addAllowedValueKey, allowedValueKeys, disabledDetectors } from '../shared/settings';
import { rescanGuardedTabs } from './tab-status';

/** Session storage: the client dictionary last given to the engine, for a restarted worker. */
const DICTIONARY_KEY = 'dictionary';
/**
 * Session storage: each conversation's placeholder mapping under this prefix, so a restarted
 * worker still restores the answers to what was redacted before it stopped. Session storage is
 * the extension's only (content scripts cannot read it) and is never written to disk.
 */
const CONVERSATION_PREFIX = 'conversation:';
/** The gazetteer of given names and surnames, shipped beside the module (see engine/data/names). */
const NAME_GAZETTEER = 'hush-names.bin';

let loading: Promise<HushEngine> | undefined;
/** Settles once the engine tried to read the name gazetteer (whether or not it could). */
let namesRead: Promise<void> | undefined;

async function load(): Promise<HushEngine> {
  await init({ module_or_path: chrome.runtime.getURL('hush_wasm_bg.wasm') });
  const engine = new HushEngine();
  engine.setAllowedKeys(await allowedValueKeys());
  engine.setDisabledDetectors(await disabledDetectors());
  const dictionary = (await chrome.storage.session.get(DICTIONARY_KEY))[DICTIONARY_KEY] as HushDictionary | undefined;
  if (dictionary) engine.setDictionary(dictionary);
  await loadConversations(engine);
  namesRead = loadNames(engine);
  return engine;
}

/** Gives a new engine the conversations an earlier worker kept; one it cannot read is dropped. */
async function loadConversations(engine: HushEngine): Promise<void> {
  const stored = await chrome.storage.session.get(null);
  for (const [key, state] of Object.entries(stored)) {
    if (!key.startsWith(CONVERSATION_PREFIX)) continue;
    try {
      engine.importConversation(key.slice(CONVERSATION_PREFIX.length), state as HushConversationState);
    } catch (error) {
      console.error('hush: a kept conversation could not be read; its answers stay with placeholders', error);
      await chrome.storage.session.remove(key);
    }
  }
}

/**
 * Names of people are found once the gazetteer is read: after the first scans, so that loading it
 * never delays the first answer. Without it the other detectors work as before.
 */
async function loadNames(engine: HushEngine): Promise<void> {
  try {
    const response = await fetch(chrome.runtime.getURL(NAME_GAZETTEER));
    engine.loadNameGazetteer(new Uint8Array(await response.arrayBuffer()));
  } catch (error) {
    console.error('hush: the name gazetteer failed to load; names of people are not flagged', error);
  }
}

/** Gives the engine a new client dictionary (and keeps it for a restarted worker). */
export async function setDictionary(dictionary: HushDictionary): Promise<void> {
  (await engine()).setDictionary(dictionary);
  await chrome.storage.session.set({ [DICTIONARY_KEY]: dictionary });
  await rescanGuardedTabs();
}

/** Applies the detectors switched off on the options page. */
export async function applyDisabledDetectors(): Promise<void> {
  (await engine()).setDisabledDetectors(await disabledDetectors());
  await rescanGuardedTabs();
}

/** The engine's built-in detectors, with People's names once the gazetteer was read (or failed to be). */
export async function detectors(): Promise<HushDetector[]> {
  const hush = await engine();
  await namesRead;
  return hush.detectors();
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

/** Redacts `text` (only findings overlapping `spans`, when given) within `conversation`, and keeps its mapping. */
export async function redact(conversation: string, text: string, spans?: Span[]): Promise<{ text: string; edits: RedactionEdit[] }> {
  const hush = await engine();
  const redaction = hush.redact(conversation, text, spans) as { text: string; edits: RedactionEdit[] };
  if (redaction.edits.length > 0) {
    await chrome.storage.session.set({ [CONVERSATION_PREFIX + conversation]: hush.exportConversation(conversation) });
  }
  return redaction;
}

/** Forgets the placeholder mappings of the conversations `ended` picks (their tab was closed). */
export async function forgetConversations(ended: (conversation: string) => boolean): Promise<void> {
  const keys = Object.keys(await chrome.storage.session.get(null)).filter(
    (key) => key.startsWith(CONVERSATION_PREFIX) && ended(key.slice(CONVERSATION_PREFIX.length)),
  );
  // Most closed tabs made no placeholder: no need to wake the engine for them.
  if (keys.length === 0) return;
  await chrome.storage.session.remove(keys);
  const hush = await engine();
  for (const key of keys) hush.forgetConversation(key.slice(CONVERSATION_PREFIX.length));
}

/**
 * `text` with every placeholder `conversation` made turned back into its value, in pieces that
 * name the placeholder each value stood as. Placeholders it did not make stay as written.
 */
export async function restore(conversation: string, text: string): Promise<RestoredPiece[]> {
  return (await engine()).restorePieces(conversation, text);
}

/** Never flags `value` again, in this and every later session, in every open tab. */
export async function allowValue(value: string): Promise<void> {
  const hush = await engine();
  await addAllowedValueKey(hush.allowKey(value));
  hush.setAllowedKeys(await allowedValueKeys());
  await rescanGuardedTabs();
}
