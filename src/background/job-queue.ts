// One inference at a time, most urgent first: a user's click beats images in view, which beat the
// rest. Two requests for one key share one job (two frames or tabs showing one photo), and a more
// urgent duplicate promotes the queued job. Jobs belong to owners (tabs): when a tab closes or
// navigates, its queued jobs that no other tab wants are dropped. Pure, so it is unit-tested.
import type { Priority } from '../shared/messages.ts';

const RANK: Record<Priority, number> = { user: 0, visible: 1, background: 2 };

interface Job<T> {
  key: string;
  rank: number;
  seq: number;
  owners: Set<number>;
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

export class JobQueue<T> {
  private readonly waiting: Job<T>[] = [];
  private readonly byKey = new Map<string, Job<T>>();
  private running = 0;
  private seq = 0;

  constructor(private readonly concurrency = 1) {}

  /** Jobs queued or running. */
  get size(): number {
    return this.byKey.size;
  }

  run(key: string, priority: Priority, task: () => Promise<T>, owner = -1): Promise<T> {
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
    const job: Job<T> = { key, rank: RANK[priority], seq: this.seq++, owners: new Set([owner]), task, promise, resolve, reject };
    this.byKey.set(key, job);
    this.waiting.push(job);
    this.pump();
    return promise;
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
    while (this.running < this.concurrency) {
      const job = this.next();
      if (!job) return;
      this.running += 1;
      // A task that throws synchronously must fail its job, not the queue.
      Promise.resolve()
        .then(job.task)
        .then(job.resolve, job.reject)
        .finally(() => {
          this.running -= 1;
          this.byKey.delete(job.key);
          this.pump();
        });
    }
  }
}
