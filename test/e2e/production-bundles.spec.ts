// The shipped bundles (dist/chrome, dist/firefox) carry no test or benchmark plumbing: no User
// Timing calls (a page can read those entries: they would tell it Recolor is there and how long
// its work took), no test hooks, no DOM names of ours. The test build (dist/test/chrome) has them,
// which shows the search would find them. Runs after `npm run build`, without a browser.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { repoRoot } from './support/fixtures.ts';

/** What must not ship: User Timing calls, the worker's hook object, the content script's census, our names on DOM elements. */
const PLUMBING = [
  /\.measure\(/,
  /\.mark\(/,
  /recolor:/,
  /handleMenuClick|imageMenuState|lastJobTimings|engineLoadTimes/,
  /recolor-test/,
  /data-recolor|dataset\.recolor/,
  /recolor-overlay/,
];

function scripts(dir: string): { file: string; text: string }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ file: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
}

function found(dir: string): string[] {
  return scripts(resolve(repoRoot, dir)).flatMap(({ file, text }) =>
    PLUMBING.filter((pattern) => pattern.test(text)).map((pattern) => `${file.slice(repoRoot.length + 1)}: ${pattern}`),
  );
}

test('dist/chrome and dist/firefox: no User Timing calls, test hooks or DOM names of ours', () => {
  expect(scripts(resolve(repoRoot, 'dist/chrome')).length).toBe(4); // background, content, options, popup
  expect(found('dist/chrome')).toEqual([]);
  expect(found('dist/firefox')).toEqual([]);
});

test('dist/test/chrome has them (the search above would see them)', () => {
  const inTest = found('dist/test/chrome').join('\n');
  expect(inTest).toContain('.measure');
  expect(inTest).toContain('handleMenuClick');
  expect(inTest).toContain('recolor-test');
});
