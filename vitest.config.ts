import { defineConfig } from 'vitest/config';

// Unit tests run in Node. End-to-end tests (real Chromium, Firefox) live in test/e2e and run
// through their own script, not through vitest's default include.
export default defineConfig({
  // The shipped build's flag (src/build-flags.d.ts).
  define: { __RECOLOR_TEST__: 'false' },
  test: {
    include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
