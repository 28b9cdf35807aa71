// "The latest request wins": the editor asks for a new result on every change, but only one request
// is in flight at a time; changes made meanwhile collapse into the newest, which is sent when the
// one in flight answers, and an answer for anything but the newest request is dropped. So a drag
// costs one model pass at a time, never a queue of stale ones, and what is shown is always the
// answer to the last change. No DOM here.

export interface LatestListener<Q, A> {
  /** The answer to the newest request (never an older one). */
  answered(request: Q, answer: A): void;
  /** Whether a request is in flight or waiting (the busy indicator). */
  busy(busy: boolean): void;
}

export class Latest<Q, A> {
  private inFlight = false;
  private waiting: { request: Q } | undefined;
  private newest = 0;
  private closed = false;

  constructor(
    private readonly send: (request: Q) => Promise<A>,
    private readonly listener: LatestListener<Q, A>,
  ) {}

  /** Asks for `request`; any earlier one not yet answered will not be delivered. */
  ask(request: Q): void {
    if (this.closed) return;
    this.newest += 1;
    this.waiting = { request };
    this.listener.busy(true);
    if (!this.inFlight) void this.pump();
  }

  /** No more answers are delivered. */
  close(): void {
    this.closed = true;
    this.waiting = undefined;
  }

  get pending(): boolean {
    return this.inFlight || this.waiting !== undefined;
  }

  private async pump(): Promise<void> {
    while (this.waiting && !this.closed) {
      const { request } = this.waiting;
      this.waiting = undefined;
      const number = this.newest;
      this.inFlight = true;
      let answer: { value: A } | undefined;
      try {
        answer = { value: await this.send(request) };
      } catch {
        // `send` answers failures as values; a throw is a bug, not a reason to stop working.
      } finally {
        this.inFlight = false;
      }
      if (this.closed) return;
      if (answer && number === this.newest) this.listener.answered(request, answer.value);
    }
    if (!this.closed) this.listener.busy(false);
  }
}
