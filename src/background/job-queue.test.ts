import { describe, expect, it } from 'vitest';
import { JobCancelled, JobDropped, JobQueue, JobTimedOut } from './job-queue.ts';
import type { Priority } from '../shared/messages.ts';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((res) => (resolve = res));
  return { promise, resolve };
}

/** Queues jobs behind a blocker and returns the order in which they ran. */
async function order(jobs: [string, Priority][]): Promise<string[]> {
  const queue = new JobQueue<string>();
  const ran: string[] = [];
  const gate = deferred();
  const blocker = queue.run('blocker', 'background', () => gate.promise.then(() => 'blocker'));
  const all = jobs.map(([key, priority]) =>
    queue.run(key, priority, async () => {
      ran.push(key);
      return key;
    }),
  );
  gate.resolve();
  await Promise.all([blocker, ...all]);
  return ran;
}

describe('JobQueue', () => {
  it.each<[string, [string, Priority][], string[]]>([
    ['fifo within a priority', [['a', 'visible'], ['b', 'visible'], ['c', 'visible']], ['a', 'b', 'c']],
    ['user before visible before background', [['bg', 'background'], ['vis', 'visible'], ['click', 'user']], ['click', 'vis', 'bg']],
    ['a duplicate promotes the queued job', [['a', 'background'], ['b', 'visible'], ['a', 'user']], ['a', 'b']],
    ['a less urgent duplicate does not demote', [['a', 'user'], ['b', 'visible'], ['a', 'background']], ['a', 'b']],
  ])('%s', async (_name, jobs, expected) => {
    expect(await order(jobs)).toEqual(expected);
  });

  it('shares one run between duplicate keys', async () => {
    const queue = new JobQueue<number>();
    let runs = 0;
    const task = async () => ++runs;
    const [a, b] = await Promise.all([queue.run('k', 'visible', task), queue.run('k', 'user', task)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
  });

  it('runs one job at a time', async () => {
    const queue = new JobQueue<void>();
    let active = 0;
    let peak = 0;
    const task = async () => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 2));
      active -= 1;
    };
    await Promise.all(['a', 'b', 'c', 'd'].map((k) => queue.run(k, 'visible', task)));
    expect(peak).toBe(1);
    expect(queue.size).toBe(0);
  });

  it('keeps going after a failing job, and a key can be queued again after it settled', async () => {
    const queue = new JobQueue<string>();
    const failed = queue.run('x', 'visible', () => {
      throw new Error('boom');
    });
    const next = queue.run('y', 'visible', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('ok');
    expect(await queue.run('x', 'visible', async () => 'again')).toBe('again');
  });
});

describe('JobQueue.cancelOwner', () => {
  it('drops waiting jobs only their owner wanted, keeps shared and running ones', async () => {
    const queue = new JobQueue<string>();
    const gate = deferred();
    const ran: string[] = [];
    const job = (key: string) => async () => {
      ran.push(key);
      return key;
    };
    const running = queue.run('running', 'visible', () => gate.promise.then(() => 'running'), 1);
    const mine = queue.run('mine', 'visible', job('mine'), 1);
    const shared = queue.run('shared', 'visible', job('shared'), 1);
    queue.run('shared', 'visible', job('shared'), 2);
    const theirs = queue.run('theirs', 'visible', job('theirs'), 2);
    queue.cancelOwner(1);
    gate.resolve();
    await expect(mine).rejects.toBeInstanceOf(JobCancelled);
    expect(await Promise.all([running, shared, theirs])).toEqual(['running', 'shared', 'theirs']);
    expect(ran).toEqual(['shared', 'theirs']);
    expect(queue.size).toBe(0);
  });
});

describe('JobQueue bounds', () => {
  /** Fills a queue behind a running blocker; returns which jobs ran and which were dropped. */
  async function fill(limits: { perOwner?: number; maxBytes?: number }, jobs: [string, Priority, number, number][]) {
    const queue = new JobQueue<string>(limits);
    const gate = deferred();
    const blocker = queue.run('blocker', 'user', () => gate.promise.then(() => 'blocker'), 99);
    const ran: string[] = [];
    const dropped: string[] = [];
    const all = jobs.map(([key, priority, owner, bytes]) =>
      queue
        .run(key, priority, async () => (ran.push(key), key), owner, bytes)
        .catch((error: unknown) => {
          expect(error).toBeInstanceOf(JobDropped);
          dropped.push(key);
        }),
    );
    const waitingBytes = queue.waitingBytes;
    gate.resolve();
    await Promise.all([blocker, ...all]);
    return { ran, dropped, waitingBytes };
  }

  it.each<[string, { perOwner?: number; maxBytes?: number }, [string, Priority, number, number][], string[], string[]]>([
    [
      'per tab: the oldest background job goes first',
      { perOwner: 2 },
      [['a', 'background', 1, 0], ['b', 'visible', 1, 0], ['c', 'background', 1, 0]],
      ['b', 'c'],
      ['a'],
    ],
    [
      'per tab: a new low-priority job is the one dropped when the rest are more urgent',
      { perOwner: 2 },
      [['a', 'visible', 1, 0], ['b', 'user', 1, 0], ['c', 'background', 1, 0]],
      ['b', 'a'],
      ['c'],
    ],
    [
      'per tab: other tabs keep their jobs',
      { perOwner: 1 },
      [['a', 'visible', 1, 0], ['x', 'background', 2, 0], ['b', 'visible', 1, 0]],
      ['b', 'x'],
      ['a'],
    ],
    [
      'in bytes: the oldest low-priority jobs go until the rest fit',
      { maxBytes: 100 },
      [['a', 'background', 1, 40], ['b', 'visible', 2, 40], ['c', 'background', 3, 40], ['d', 'visible', 1, 40]],
      ['b', 'd'],
      ['a', 'c'],
    ],
  ])('%s', async (_name, limits, jobs, ran, dropped) => {
    const result = await fill(limits, jobs);
    expect(result.ran).toEqual(ran);
    expect(result.dropped).toEqual(dropped);
    if (limits.maxBytes) expect(result.waitingBytes).toBeLessThanOrEqual(limits.maxBytes);
  });

  it('a hung job times out and the next one still runs', async () => {
    const queue = new JobQueue<string>({ timeoutMs: 50 });
    const hung = queue.run('hung', 'user', () => new Promise<string>(() => undefined));
    const next = queue.run('next', 'visible', async () => 'next');
    await expect(hung).rejects.toBeInstanceOf(JobTimedOut);
    await expect(next).resolves.toBe('next');
    expect(queue.size).toBe(0);
  });
});
