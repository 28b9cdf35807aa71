// Typed senders over the message contract, so a caller gets the response type of its request.
import browser from 'webextension-polyfill';
import { REQUEST_PORT } from './messages.ts';
import type { BackgroundRequest, ContentCommand, ContentResponseMap, ResponseMap } from './messages.ts';
import { RequestPort } from './request-port.ts';

export function sendToBackground<R extends BackgroundRequest>(request: R): Promise<ResponseMap[R['type']]> {
  return browser.runtime.sendMessage(request) as Promise<ResponseMap[R['type']]>;
}

export function sendToTab<C extends ContentCommand>(
  tabId: number,
  command: C,
  frameId?: number,
): Promise<ContentResponseMap[C['type']]> {
  const options = frameId === undefined ? undefined : { frameId };
  return browser.tabs.sendMessage(tabId, command, options) as Promise<ContentResponseMap[C['type']]>;
}

/** A content script's port for its per-image requests (request-port.ts). */
export function requestPort(): RequestPort {
  return new RequestPort(() => browser.runtime.connect({ name: REQUEST_PORT }));
}
