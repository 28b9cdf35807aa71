import { describe, expect, it } from 'vitest';
import { clampStrength, isStrength, STRENGTH_DEFAULT, STRENGTH_MAX, STRENGTH_MIN } from './strength.ts';

describe('isStrength', () => {
  it.each<[unknown, boolean]>([
    [0, true],
    [1, true],
    [1.5, true],
    [0.05, true],
    [-0.1, false],
    [1.51, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
    ['1', false],
    [undefined, false],
  ])('%j -> %s', (value, expected) => expect(isStrength(value)).toBe(expected));
});

describe('clampStrength', () => {
  it.each<[unknown, number]>([
    [0.5, 0.5],
    [STRENGTH_MAX, STRENGTH_MAX],
    [9, STRENGTH_MAX],
    [-1, STRENGTH_MIN],
    [Number.NaN, STRENGTH_DEFAULT],
    [Number.NEGATIVE_INFINITY, STRENGTH_DEFAULT],
    [undefined, STRENGTH_DEFAULT],
    ['high', STRENGTH_DEFAULT],
  ])('%j -> %s', (value, expected) => expect(clampStrength(value)).toBe(expected));
});
