// The answers to requests the background will not act on, so that every request is answered and
// no content script waits for an answer that never comes. Pure.
import type { Failure } from '../shared/messages.ts';

export const REFUSED_SENDER: Failure = { ok: false, error: 'refused: this sender may not make this request' };

/** The error answer to a message that is not a valid request. */
export function refusal(message: unknown): Failure {
  const type = typeof message === 'object' && message !== null && 'type' in message ? (message as { type: unknown }).type : undefined;
  const request = typeof message === 'object' && message !== null && 'request' in message ? (message as { request: unknown }).request : undefined;
  const named = typeof type === 'string' ? type : typeof request === 'object' && request !== null ? (request as { type?: unknown }).type : undefined;
  return { ok: false, error: typeof named === 'string' ? `invalid request: ${named.slice(0, 40)}` : 'invalid request' };
}

/** The number a port envelope asks its answer to carry, if it has a usable one. */
export function replyId(message: unknown): number | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const id = (message as { id?: unknown }).id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 && id < 1e7 ? id : undefined;
}
