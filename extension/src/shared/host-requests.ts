/**
 * How Hush's own pages (the popup and the options page) talk to the native host: through the
 * background, which holds the one connection. Content scripts cannot use this route: the
 * background answers `host-request` only to extension pages.
 */
import { send } from './messaging';
import type { RequestBodies, RequestType, ResultBodies } from './protocol';

/** The background's answer to a `host-request`. */
export type HostReply = { ok: true; result: unknown } | { ok: false; error: string };

/** A host request failed: the host's own words, or why it could not be reached. */
export class HostRequestError extends Error {}

/** Sends one request to the host and resolves with its result; rejects with a HostRequestError. */
export async function hostRequest<T extends RequestType>(type: T, body: RequestBodies[T]): Promise<ResultBodies[T]> {
  const reply = await send({ kind: 'host-request', type, body });
  if (!reply) throw new HostRequestError('Hush\'s background did not answer.');
  if (!reply.ok) throw new HostRequestError(reply.error);
  return reply.result as ResultBodies[T];
}
