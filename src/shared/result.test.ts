import { describe, expect, it } from 'vitest';
import { failed, isColorizable, skipOfDetection, skipped, worthRetryWithPageBytes } from './result.ts';
import type { FailCode, ImageKind, Result } from './result.ts';

describe('isColorizable and skipOfDetection: which of the detector\'s kinds get colorized', () => {
  it.each([
    ['grayscale', true, undefined],
    ['toned', true, undefined],
    ['color', false, { outcome: 'skipped', code: 'color', detail: 'why' }],
    ['not-photo', false, { outcome: 'skipped', code: 'not-photo', detail: 'why' }],
  ] as [ImageKind, boolean, ReturnType<typeof skipOfDetection>][])('%s -> %s, %j', (kind, colorizable, skip) => {
    expect(isColorizable(kind)).toBe(colorizable);
    expect(skipOfDetection({ kind, reason: 'why' })).toEqual(skip);
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
