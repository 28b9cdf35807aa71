// Requests over one long-lived port, matched to their responses by number (messages.ts,
// REQUEST_PORT). Pure of extension APIs: the port comes from the caller (messaging.ts), so this is
// tested with a fake one.
import { parsePortResponse } from './messages.ts';
import type { BackgroundRequest, PortRequest, ResponseMap } from './messages.ts';

/** The part of runtime.Port this uses. */
export interface PortLike {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect?(): void;
}

/** Requests that get no answer within this are given up (the background answers every request it accepts). */
const DEFAULT_TIMEOUT_MS = 30_000;

/** No response came in time, or the extension stopped answering. */
export class NoAnswer extends Error {}

interface Waiting {
  envelope: PortRequest;
  resolve: (response: unknown) => void;
  reject: (error: Error) => void;
  /** Sent again once already, after the background went away (a restarted service worker). */
  resent: boolean;
  /** When it is given up (Date.now() time). */
  due: number;
}

/**
 * A content script's requests over one port (messages.ts, REQUEST_PORT), opened on first use and
 * again after the background goes away; a request in flight then is sent once more on the new port.
 */
export class RequestPort {
  private port: PortLike | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private lastId = 0;
  private sweeper: ReturnType<typeof setTimeout> | undefined;
  /** Closed by close(): nothing is sent until reopen(). */
  private closed = false;

  constructor(
    private readonly connect: () => PortLike,
    /** How often requests in flight are checked for their time being up. */
    private readonly sweepMs = 1000,
  ) {}

  /**
   * Sends `request`; the promise rejects with NoAnswer if no response comes within `timeoutMs`
   * (a late one is then dropped; checked every `sweepMs`), or if the extension went away twice.
   */
  request<R extends BackgroundRequest>(request: R, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ResponseMap[R['type']]> {
    return new Promise((resolve, reject) => {
      const envelope = { id: ++this.lastId, request };
      const due = Date.now() + timeoutMs;
      const waiting: Waiting = { envelope, resolve: resolve as (response: unknown) => void, reject, resent: false, due };
      this.waiting.set(envelope.id, waiting);
      // One timer for every request in flight, not one each: a page of hundreds of photos asks for each.
      this.sweeper ??= setTimeout(this.sweep, this.sweepMs);
      this.post(waiting);
    });
  }

  /**
   * Closes the port (a page going into the back/forward cache: an open extension port keeps it
   * out). Requests in flight wait, and are sent again by reopen().
   */
  close(): void {
    const port = this.port;
    this.closed = true;
    this.port = undefined;
    port?.disconnect?.();
  }

  /** After close(): requests in flight are sent again on a new port. */
  reopen(): void {
    if (!this.closed) return;
    this.closed = false;
    for (const waiting of [...this.waiting.values()]) this.post(waiting);
  }

  /** Gives up on the requests past their time; looks again later while any are waiting. */
  private readonly sweep = () => {
    this.sweeper = undefined;
    const now = Date.now();
    for (const [id, waiting] of this.waiting) {
      if (waiting.due > now) continue;
      this.waiting.delete(id);
      waiting.reject(new NoAnswer(`no answer to ${waiting.envelope.request.type} in time`));
    }
    if (this.waiting.size > 0) this.sweeper = setTimeout(this.sweep, this.sweepMs);
  };

  private post(waiting: Waiting): void {
    if (this.closed) return; // sent by reopen()
    try {
      this.open().postMessage(waiting.envelope);
    } catch (error) {
      this.waiting.delete(waiting.envelope.id);
      waiting.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private open(): PortLike {
    if (this.port) return this.port;
    const port = this.connect();
    port.onMessage.addListener((message: unknown) => {
      const envelope = parsePortResponse(message);
      const waiting = envelope && this.waiting.get(envelope.id);
      if (!waiting) return;
      this.waiting.delete(envelope.id);
      waiting.resolve(envelope.response);
    });
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return; // closed here, or an old port
      this.port = undefined;
      for (const waiting of [...this.waiting.values()]) {
        if (waiting.resent) {
          this.waiting.delete(waiting.envelope.id);
          waiting.reject(new NoAnswer('the extension stopped answering'));
        } else {
          waiting.resent = true;
          this.post(waiting);
        }
      }
    });
    this.port = port;
    return port;
  }
}
