import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './tests/e2e/harness/paths';

/**
 * Browser tests: the built renderer in real Chromium over the real main services.
 *
 * Two workers fit the two-core machines CI runs on; retries stay off so a flaky test shows.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/harness/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['line'], ['json', { outputFile: '.tmp/results/e2e.json' }]] : [['list'], ['json', { outputFile: '.tmp/results/e2e.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    locale: 'en-US',
    colorScheme: 'light',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'chromium' }],
});
