import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planOutputs } from './collect.ts';

describe('planOutputs', () => {
  const out = path.resolve('/tmp/out');
  it.each([
    ['plain names', ['/a/x.jpg', '/a/y.tif'], [], ['x.png', 'y.png']],
    ['same base name twice', ['/a/x.jpg', '/b/x.png', '/c/x.webp'], [], ['x.png', 'x-2.png', 'x-3.png']],
    ['never an input file', ['/tmp/out/x.png'], ['/tmp/out/x.png'], ['x-2.png']],
    ['a taken -2 moves on to -3', ['/tmp/out/x.png', '/tmp/out/x-2.png'], ['/tmp/out/x.png', '/tmp/out/x-2.png'], ['x-3.png', 'x-2-2.png']],
    ['dots in names', ['/a/scan.2024.01.tiff'], [], ['scan.2024.01.png']],
  ])('%s', (_name, inputs, inputPaths, expected) => {
    const jobs = planOutputs(inputs, out, new Set(inputPaths.map((p) => path.resolve(p))));
    expect(jobs.map((j) => path.relative(out, j.output))).toEqual(expected);
    expect(jobs.map((j) => j.input)).toEqual(inputs);
  });
});
