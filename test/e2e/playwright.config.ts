// End-to-end tests: real Chromium (/usr/bin/chromium) with dist/chrome loaded, pages served by the
// tests themselves. One worker: each spec file launches its own browser, and two cores are shared
// with the wasm inference inside it.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  outputDir: '../../test-results',
  globalSetup: './global-setup.ts',
});
