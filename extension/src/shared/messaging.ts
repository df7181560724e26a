/**
 * The one place that knows the runtime messaging API. Chromium and Firefox both provide the
 * `chrome` namespace with promise-returning `sendMessage`; answers travel through `sendResponse`
 * (returning a promise from a listener is not supported by every Chromium we target).
 */
import type { Request, RequestKind, Response } from './messages';

/** Sends a request to the background and resolves with its answer. */
export function send<K extends RequestKind>(request: Request<K>): Promise<Response<K>> {
  return chrome.runtime.sendMessage(request) as Promise<Response<K>>;
}

/** A handler for one kind of request; `sender` says which tab asked. */
export type Handler<K extends RequestKind> = (
  request: Request<K>,
  sender: chrome.runtime.MessageSender,
) => Response<K> | Promise<Response<K>>;

/** One handler per request kind. */
export type Handlers = { [K in RequestKind]: Handler<K> };

/** Routes every incoming request to its handler; requests of unknown kinds are ignored. */
export function serve(handlers: Handlers): void {
  chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isRequest(message, handlers)) return false;
    const handler = handlers[message.kind] as Handler<RequestKind>;
    Promise.resolve()
      .then(() => handler(message, sender))
      .then(sendResponse, (error: unknown) => {
        console.error('hush: handler failed', message.kind, error);
        sendResponse(null);
      });
    return true;
  });
}

function isRequest(message: unknown, handlers: Handlers): message is Request {
  return (
    typeof message === 'object' &&
    message !== null &&
    'kind' in message &&
    typeof message.kind === 'string' &&
    Object.hasOwn(handlers, message.kind)
  );
}
