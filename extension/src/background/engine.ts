/**
 * The wasm engine, instantiated once per background lifetime. It lives here and not in the
 * content script because Chromium refuses to compile wasm in a content script on pages whose CSP
 * lacks 'wasm-unsafe-eval' (every real chat site): see shared/DESIGN.md.
 */
import init, { HushEngine } from 'hush-wasm';
import type { Finding } from '../shared/findings';

let loading: Promise<HushEngine> | undefined;

/** The engine, loading it on first use; a failed load is retried on the next call. */
export function engine(): Promise<HushEngine> {
  loading ??= init({ module_or_path: chrome.runtime.getURL('hush_wasm_bg.wasm') })
    .then(() => new HushEngine())
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

/** Scans `text` with the engine. */
export async function scan(text: string): Promise<Finding[]> {
  return (await engine()).scan(text) as Finding[];
}
