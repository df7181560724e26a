/**
 * The connection to the native host (hush-host). The host is optional: without it Hush still
 * guards with its built-in detectors, and the popup says the host is missing.
 */
import { recordHostState } from '../shared/host-state';

/** The native messaging host's registered name (manifests/native-host/). */
export const HOST_NAME = 'org.hush_guard.host';

/** Connects to the host, shakes hands, and records the outcome in session storage. */
export function connectHost(): void {
  let port: chrome.runtime.Port;
  try {
    port = chrome.runtime.connectNative(HOST_NAME);
  } catch (error) {
    void recordHostState({ state: 'unavailable', error: String(error) });
    return;
  }
  port.onMessage.addListener((message: unknown) => {
    if (isHandshake(message)) void recordHostState({ state: 'connected', protocol: message.protocol, hostVersion: message.host_version });
  });
  port.onDisconnect.addListener(() => {
    void recordHostState({ state: 'unavailable', error: chrome.runtime.lastError?.message ?? 'the host closed the connection' });
  });
  port.postMessage({ id: 1, type: 'handshake' });
}

function isHandshake(message: unknown): message is { ok: true; protocol: number; host_version: string } {
  return typeof message === 'object' && message !== null && 'protocol' in message && 'host_version' in message;
}
