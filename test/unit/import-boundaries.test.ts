// Page-side code (content script) and UI pages must not pull in the engine (tfjs: megabytes, and
// no business running in a page) or background code. A convention check over the import lines.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

describe('import boundaries', () => {
  it.each([
    ['content', ['../engine', '../background', '@tensorflow']],
    ['ui', ['../engine', '../background', '@tensorflow']],
    ['shared', ['../engine', '../background', '../content', '../ui', '@tensorflow']],
  ])('src/%s imports none of %j', (part, forbidden) => {
    const offending = files(join(src, part)).flatMap((file) =>
      imports(file)
        .filter((spec) => forbidden.some((prefix) => spec.startsWith(prefix)))
        .map((spec) => `${file.slice(src.length + 1)} -> ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});
