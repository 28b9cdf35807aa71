// Each rule in one place: a check over the source text that the rules shared by several parts are
// written only in their home (docs/ARCHITECTURE.md, "Rules with one home"). A second sRGB -> Lab,
// strength range, fit-within or colorize-which-kinds rule anywhere else fails here, naming the line.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRENGTH_MAX, STRENGTH_MIN } from '../../src/shared/strength.ts';

const root = resolve(import.meta.dirname, '../..');

/** Product and benchmark code (tests may spell out the values they check). */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'results' ? [] : sources(path);
    return /\.(ts|mjs)$/.test(entry.name) && !/\.(test|spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

const files = ['src', 'bench', 'scripts'].flatMap(sources).map((file) => ({ file, lines: readFileSync(join(root, file), 'utf8').split('\n') }));

const RULES: [rule: string, pattern: RegExp, homes: string[]][] = [
  // Colour science: the sRGB -> XYZ matrix, the transfer curve and the converter itself.
  ['sRGB -> Lab', /\bfunction srgbToLab\b|0\.4124564|0\.04045/, ['src/shared/lab.ts']],
  // The XYZ -> sRGB matrix; the engine's compose loop inlines it for speed (compose.ts says so).
  ['Lab -> sRGB', /3\.2404542/, ['src/shared/lab.ts', 'src/engine/compose.ts']],
  ['strength range', /\bSTRENGTH_(MIN|MAX|DEFAULT)\s*=|\bfunction clampStrength\b|strength.*\b1\.5\b|\b1\.5\b.*strength/i, ['src/shared/strength.ts']],
  ['fit within a maximum side', /\bfunction fitWithin\b|Math\.min\(1, \w+ \/ Math\.max\(/, ['src/shared/limits.ts']],
  ['which kinds get colorized', /=== 'grayscale'|=== 'toned'|'color' \| 'grayscale' \| 'toned' \| 'not-photo'/, ['src/shared/result.ts']],
  ['a detection -> its skip', /=== 'color' \? 'color' : 'not-photo'/, ['src/shared/result.ts']],
  ['one meaning per name', /\b(type|interface)\s+Verdict\b/, []],
];

describe('rules with one home', () => {
  it.each(RULES.map(([rule, pattern, homes]) => [rule, homes.join(', ') || 'nowhere', pattern, homes] as const))('%s: written only in %s', (_rule, _where, pattern, homes) => {
    const elsewhere = files.flatMap(({ file, lines }) =>
      homes.includes(file) ? [] : lines.flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(elsewhere).toEqual([]);
  });

  it('finds what it looks for (each rule matches its first home)', () => {
    for (const [rule, pattern, homes] of RULES.filter(([, , homes]) => homes.length > 0)) {
      const home = files.find(({ file }) => file === homes[0]);
      expect(home?.lines.some((line) => pattern.test(line)), rule).toBe(true);
    }
  });

  it.each(['src/ui/popup.html', 'src/ui/options.html'])('the strength slider of %s spans the strength range', (page) => {
    const slider = readFileSync(join(root, page), 'utf8').match(/<input[^>]*id="strength"[^>]*>/)?.[0] ?? '';
    expect(slider.match(/\bmin="([^"]*)"/)?.[1]).toBe(String(STRENGTH_MIN));
    expect(slider.match(/\bmax="([^"]*)"/)?.[1]).toBe(String(STRENGTH_MAX));
  });
});
