import { describe, expect, it } from 'vitest';
import { failed, isColorizable, skipped, worthRetryWithPageBytes } from './result.ts';
import type { DetectedKind, FailCode, Result } from './result.ts';

describe('isColorizable: which detector verdicts get colorized', () => {
  it.each([
    ['grayscale', true],
    ['toned', true],
    ['color', false],
    ['not-photo', false],
  ] as [DetectedKind, boolean][])('%s -> %s', (kind, expected) => {
    expect(isColorizable(kind)).toBe(expected);
  });
});

describe('worthRetryWithPageBytes: only a fetch that did not get the image is tried again', () => {
  const colorized: Result<{ base64: string }> = { outcome: 'colorized', base64: 'AAAA' };
  it.each([
    ['unreachable', true],
    ['refused', false],
    ['undecodable', false],
    ['engine', false],
    ['no-answer', false],
    ['not-shown', false],
    ['internal', false],
  ] as [FailCode, boolean][])('failed %s -> %s', (code, expected) => {
    expect(worthRetryWithPageBytes(failed(code, 'x'))).toBe(expected);
  });
  it('never a skip or a result', () => {
    expect(worthRetryWithPageBytes(skipped('color', 'a colour photo'))).toBe(false);
    expect(worthRetryWithPageBytes(colorized)).toBe(false);
  });
});
