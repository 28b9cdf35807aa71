// Everything the content script hangs on the page (event listeners, observers, timers' owners)
// is taken under a Lifetime: one AbortSignal ends it all at once. Each Lifetime counts what it
// holds, so a test can see that ending it leaves nothing of ours running (census()).

/** The part of an observer (Mutation, Intersection, Resize) a Lifetime ends. */
export interface Disconnectable {
  disconnect(): void;
}

/** What is held at this moment, over every Lifetime (for tests: test-hooks.ts). */
const held = { listeners: 0, observers: 0 };

export function census(): { listeners: number; observers: number } {
  return { ...held };
}

export class Lifetime {
  private readonly controller = new AbortController();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get ended(): boolean {
    return this.controller.signal.aborted;
  }

  /** addEventListener, removed when the lifetime ends. */
  listen<E extends Event>(
    target: EventTarget,
    type: string,
    listener: (event: E) => void,
    options: { capture?: boolean; passive?: boolean } = {},
  ): void {
    if (this.ended) return;
    target.addEventListener(type, listener as EventListener, { ...options, signal: this.signal });
    held.listeners += 1;
    this.signal.addEventListener('abort', () => (held.listeners -= 1), { once: true });
  }

  /** An observer, disconnected when the lifetime ends. */
  hold<T extends Disconnectable>(observer: T): T {
    if (this.ended) {
      observer.disconnect();
      return observer;
    }
    held.observers += 1;
    this.signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        held.observers -= 1;
      },
      { once: true },
    );
    return observer;
  }

  end(): void {
    this.controller.abort();
  }
}
