/**
 * True in the test and benchmark build (dist/test/chrome: the worker's test hooks, User Timing
 * measures, the content script's census), false in the shipped dist/chrome and dist/firefox: code
 * under `if (__RECOLOR_TEST__)` is left out of them. Set by vite.config.ts (RECOLOR_BUILD=test) and
 * vitest.config.ts (false: unit tests see the product).
 */
declare const __RECOLOR_TEST__: boolean;
