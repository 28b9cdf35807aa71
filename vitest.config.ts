import { defineConfig } from 'vitest/config';

// Unit tests run in Node: each beside the code it tests (src/**, bench/**), and the cross-cutting
// checks in test/unit (docs/ARCHITECTURE.md, "Tests"). End-to-end tests (real Chromium, Firefox)
// live in test/e2e and run through their own script, not through vitest.
export default defineConfig({
  // The shipped build's flag (src/build-flags.d.ts).
  define: { __RECOLOR_TEST__: 'false' },
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'test/unit/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
