import { describe, expect, it } from 'vitest';
import type { SkipCode } from '../shared/result.ts';
import { overridable, stepStrength } from './control-rules.ts';

describe('stepStrength', () => {
  it.each([
    [1, -1, 0.9],
    [1, 1, 1.1],
    [0.95, -1, 0.9],
    [0.95, 1, 1.1],
    [0.1, -1, 0],
    [0, -1, 0],
    [1.45, 1, 1.5],
    [1.5, 1, 1.5],
    [0.7000000001, -1, 0.6],
  ] as const)('%s, step %s -> %s', (strength, direction, expected) => {
    expect(stepStrength(strength, direction)).toBe(expected);
  });
});

describe('overridable', () => {
  it.each([
    ['color', true],
    ['not-photo', true],
    ['too-small', false],
    ['too-large', false],
    ['not-raster', false],
    ['unreadable', false],
    ['page-refuses', false],
    ['page-replaces', false],
  ] as const)('%s -> %s', (code, expected) => {
    expect(overridable(code as SkipCode)).toBe(expected);
  });
});
