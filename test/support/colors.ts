// Colours for the Lab tests: every gray and a fixed set of random colours (mulberry32), so a
// failure names the same colour every run.

export type Rgb8 = [number, number, number];

export function deltaE(p: { L: number; a: number; b: number }, q: { L: number; a: number; b: number }): number {
  return Math.hypot(p.L - q.L, p.a - q.a, p.b - q.b);
}

export function randomColors(count: number, seed = 1): Rgb8[] {
  let s = seed;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => [
    Math.floor(next() * 256),
    Math.floor(next() * 256),
    Math.floor(next() * 256),
  ]);
}

export const GRAYS: Rgb8[] = Array.from({ length: 256 }, (_, v) => [v, v, v]);
export const COLORS: Rgb8[] = randomColors(10_000);
