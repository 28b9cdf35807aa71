import { describe, expect, it } from 'vitest';
import { failureText, MAX_RETRY_MS, retryDelayMs, waitBeforeRetry } from './load-backoff.ts';

describe('model load backoff', () => {
  it.each([
    [0, 0],
    [1, 5_000],
    [2, 10_000],
    [3, 20_000],
    [8, 640_000 > MAX_RETRY_MS ? MAX_RETRY_MS : 640_000],
    [100, MAX_RETRY_MS],
  ])('after %i failures the next try waits %i ms', (failures, ms) => expect(retryDelayMs(failures)).toBe(ms));

  it.each([
    ['never failed', undefined, 1_000, false, 0],
    ['just failed once', { count: 1, at: 1_000, error: 'x' }, 1_000, false, 5_000],
    ['failed once, 3 s ago', { count: 1, at: 1_000, error: 'x' }, 4_000, false, 2_000],
    ['failed once, long ago', { count: 1, at: 1_000, error: 'x' }, 60_000, false, 0],
    ['failed 3 times', { count: 3, at: 1_000, error: 'x' }, 2_000, false, 19_000],
    ['the user asks', { count: 3, at: 1_000, error: 'x' }, 2_000, true, 0],
  ])('%s: waits %s', (_name, failures, now, userAsked, wait) => {
    expect(waitBeforeRetry(failures, now, userAsked as boolean)).toBe(wait);
  });

  it('says when the next try is', () => {
    expect(failureText({ count: 2, at: 0, error: 'model.json: 404' }, 1_000)).toBe('model.json: 404 (failed 2 times; next try in 9 s)');
    expect(failureText({ count: 1, at: 0, error: 'e' }, 60_000)).toBe('e (failed 1 time; next try on the next image)');
  });
});
