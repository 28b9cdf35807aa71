// When a failed model load may be tried again: the first retry after 5 s, then twice as long each
// time up to 10 minutes, instead of every queued job retrying at once. A user's own request (the
// options page's "check" button) tries at once. Pure.
export const FIRST_RETRY_MS = 5_000;
export const MAX_RETRY_MS = 10 * 60_000;

export interface LoadFailures {
  count: number;
  /** When the last attempt failed (Date.now()). */
  at: number;
  error: string;
}

export function retryDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(failures - 1, 30));
}

/** Milliseconds until the next attempt may start (0: now). */
export function waitBeforeRetry(failures: LoadFailures | undefined, now: number, userAsked: boolean): number {
  if (!failures || userAsked) return 0;
  return Math.max(0, failures.at + retryDelayMs(failures.count) - now);
}

/** What the options page shows for a failed load (through the engine status' error). */
export function failureText(failures: LoadFailures, now: number): string {
  const wait = waitBeforeRetry(failures, now, false);
  const next = wait > 0 ? `next try in ${Math.ceil(wait / 1000)} s` : 'next try on the next image';
  return `${failures.error} (failed ${failures.count} time${failures.count === 1 ? '' : 's'}; ${next})`;
}
