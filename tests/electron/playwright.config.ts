import { defineConfig } from '@playwright/test';

/**
 * The real app under Playwright's Electron driver. Skips, saying why, where no Electron binary
 * exists; it never pretends to pass there.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: '../../.tmp/results/electron.json' }]],
});
