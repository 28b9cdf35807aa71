// One inference at a time, most urgent first: a user's click beats images in view, which beat the
// rest. Two requests for one key share one job (two frames or tabs showing one photo), and a more
// urgent duplicate promotes the queued job. Jobs belong to owners (tabs): when a tab closes or
// navigates, its queued jobs that no other tab wants are dropped. Bounded: at most `perOwner` jobs
// wait for one tab and `maxBytes` (the source bytes the waiting jobs hold) for all; past either,
// the oldest job of the lowest priority is dropped first. A watchdog fails a job that runs longer
// than `timeoutMs` and frees its slot, so one hung decode can't stall the queue. Pure, so it is
// unit-tested.
import type { Priority } from '../shared/messages.ts';

const RANK: Record<Priority, number> = { user: 0, visible: 1, background: 2 };

interface Job<T> {
  key: string;
  rank: number;
  seq: number;
  owners: Set<number>;
  /** Bytes the waiting job holds (its source image). */
  bytes: number;
  task: () => Promise<T>;
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export class JobCancelled extends Error {
  constructor() {
    super('cancelled: the page that asked is gone');
  }
}

export class JobDropped extends Error {
  constructor() {
    super('dropped: too much work queued (newer or more urgent images come first)');
  }
}

export class JobTimedOut extends Error {
  constructor(ms: number) {
    super(`timed out: the job ran over ${Math.round(ms / 1000)} s`);
  }
}

export interface QueueLimits {
  /** Jobs run at once. */
  concurrency: number;
  /** Waiting jobs per owner. */
  perOwner: number;
  /** Bytes held by waiting jobs, all owners together. */
  maxBytes: number;
  /** A running job that takes longer fails and frees its slot. */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: QueueLimits = { concurrency: 1, perOwner: 32, maxBytes: 96 * 1024 * 1024, timeoutMs: 120_000 };

export class JobQueue<T> {
  private readonly waiting: Job<T>[] = [];
  private readonly byKey = new Map<string, Job<T>>();
  private running = 0;
  private seq = 0;
  private readonly limits: QueueLimits;

  constructor(limits: Partial<QueueLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Jobs queued or running. */
  get size(): number {
    return this.byKey.size;
  }

  /** Bytes held by the waiting jobs. */
  get waitingBytes(): number {
    return this.waiting.reduce((sum, job) => sum + job.bytes, 0);
  }

  run(key: string, priority: Priority, task: () => Promise<T>, owner = -1, bytes = 0): Promise<T> {
    const existing = this.byKey.get(key);
    if (existing) {
      existing.rank = Math.min(existing.rank, RANK[priority]);
      existing.owners.add(owner);
      return existing.promise;
    }
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const job: Job<T> = { key, rank: RANK[priority], seq: this.seq++, owners: new Set([owner]), bytes, task, promise, resolve, reject };
    this.byKey.set(key, job);
    this.waiting.push(job);
    this.pump();
    this.trim(owner);
    return promise;
  }

  /** Drops waiting jobs, oldest of the lowest priority first, until the owner and the total are within bounds. */
  private trim(owner: number): void {
    const owned = () => this.waiting.filter((job) => job.owners.has(owner));
    while (owned().length > this.limits.perOwner) this.drop(owned());
    while (this.waitingBytes > this.limits.maxBytes && this.waiting.length > 0) this.drop(this.waiting);
  }

  private drop(candidates: Job<T>[]): void {
    const victim = candidates.reduce((worst, job) => (job.rank > worst.rank || (job.rank === worst.rank && job.seq < worst.seq) ? job : worst));
    this.waiting.splice(this.waiting.indexOf(victim), 1);
    this.byKey.delete(victim.key);
    victim.reject(new JobDropped());
  }

  /** Drops the owner's waiting jobs that nobody else wants; a running job finishes (it is cached). */
  cancelOwner(owner: number): void {
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const job = this.waiting[i];
      job.owners.delete(owner);
      if (job.owners.size > 0) continue;
      this.waiting.splice(i, 1);
      this.byKey.delete(job.key);
      job.reject(new JobCancelled());
    }
  }

  private next(): Job<T> | undefined {
    let best = -1;
    for (let i = 0; i < this.waiting.length; i++) {
      const job = this.waiting[i];
      const current = this.waiting[best];
      if (!current || job.rank < current.rank || (job.rank === current.rank && job.seq < current.seq)) best = i;
    }
    return best < 0 ? undefined : this.waiting.splice(best, 1)[0];
  }

  private pump(): void {
    while (this.running < this.limits.concurrency) {
      const job = this.next();
      if (!job) return;
      this.running += 1;
      // A task that throws synchronously must fail its job, not the queue; one that hangs is failed
      // by the watchdog (its work may go on, but the queue does not wait for it).
      let timer: ReturnType<typeof setTimeout> | undefined;
      const watchdog = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new JobTimedOut(this.limits.timeoutMs)), this.limits.timeoutMs);
      });
      Promise.race([Promise.resolve().then(job.task), watchdog])
        .then(job.resolve, job.reject)
        .finally(() => {
          clearTimeout(timer);
          this.running -= 1;
          this.byKey.delete(job.key);
          this.pump();
        });
    }
  }
}
