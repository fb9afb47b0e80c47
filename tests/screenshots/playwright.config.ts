import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/harness/paths';

/**
 * `npm run screenshots`: every screen in French and English, written to docs/screenshots/.
 *
 * Same harness as the browser tests (built renderer, real services), one worker so the
 * pictures do not compete for the CPU, and a fixed window size so they are comparable.
 */
export default defineConfig({
  testDir: '.',
  testMatch: 'screenshots.spec.ts',
  globalSetup: '../e2e/harness/global-setup.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    colorScheme: 'light',
    viewport: { width: 1280, height: 800 },
  },
});
