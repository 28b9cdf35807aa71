import { describe, expect, it } from 'vitest';
import { fitWithin } from './limits.ts';

describe('fitWithin', () => {
  it.each([
    [800, 600, 3072, 800, 600],
    [6000, 4000, 3072, 3072, 2048],
    [4000, 6000, 64, 43, 64],
    [5000, 1, 64, 64, 1],
  ])('%ix%i within %i -> %ix%i', (w, h, max, ew, eh) => expect(fitWithin(w, h, max)).toEqual({ width: ew, height: eh }));
});
