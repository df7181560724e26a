/**
 * The one place that knows the runtime messaging API. Chromium and Firefox both provide the
 * `chrome` namespace with promise-returning `sendMessage`; answers travel through `sendResponse`
 * (returning a promise from a listener is not supported by every Chromium we target).
 *
 * Two directions: content scripts and Hush's pages ask the background (`send`, `serve`), and the
 * background asks one tab's content script (`sendToTab`, `serveTab`).
 */
import type { Request, RequestKind, Requests, Response, TabRequest, TabRequestKind, TabRequests, TabResponse } from './messages';

/** Sends a request to the background and resolves with its answer. */
export function send<K extends RequestKind>(request: Request<K>): Promise<Response<K>> {
  return chrome.runtime.sendMessage(request) as Promise<Response<K>>;
}

/**
 * Sends a request to the content script of tab `tabId` (its top frame, the only one Hush runs
 * in) and resolves with its answer; rejects when the tab has no content script listening.
 */
export function sendToTab<K extends TabRequestKind>(tabId: number, request: TabRequest<K>): Promise<TabResponse<K>> {
  return chrome.tabs.sendMessage(tabId, request, { frameId: 0 }) as Promise<TabResponse<K>>;
}

/** Request kinds mapped to their fields and answers, as `Requests` and `TabRequests` are. */
type RequestMap<M> = { [K in keyof M]: { request: object; response: unknown } };

/** A handler for one kind of a request map; `sender` says who asked. */
type HandlerOf<M extends RequestMap<M>, K extends keyof M> = (
  request: { kind: K } & M[K]['request'],
  sender: chrome.runtime.MessageSender,
) => M[K]['response'] | Promise<M[K]['response']>;

/** One handler per kind of a request map. */
type HandlersOf<M extends RequestMap<M>> = { [K in keyof M]: HandlerOf<M, K> };

/** A handler for one kind of request to the background; `sender` says which tab asked. */
export type Handler<K extends RequestKind> = HandlerOf<Requests, K>;

/** One handler per request kind, in the background. */
export type Handlers = HandlersOf<Requests>;

/** One handler per kind of request to a content script. */
export type TabHandlers = HandlersOf<TabRequests>;

/** Routes every request to the background to its handler; requests of unknown kinds are ignored. */
export function serve(handlers: Handlers): void {
  listen<Requests>(handlers);
}

/** Routes the background's requests to this content script to their handlers. */
export function serveTab(handlers: TabHandlers): void {
  listen<TabRequests>(handlers);
}

function listen<M extends RequestMap<M>>(handlers: HandlersOf<M>): void {
  chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isRequest(message, handlers)) return false;
    const kind = message.kind as keyof M;
    const handler = handlers[kind];
    Promise.resolve()
      .then(() => handler(message as { kind: keyof M } & M[keyof M]['request'], sender))
      .then(sendResponse, (error: unknown) => {
        console.error('hush: handler failed', message.kind, error);
        sendResponse(null);
      });
    return true;
  });
}

function isRequest(message: unknown, handlers: object): message is { kind: string } {
  return (
    typeof message === 'object' &&
    message !== null &&
    'kind' in message &&
    typeof message.kind === 'string' &&
    Object.hasOwn(handlers, message.kind)
  );
}
