import { defineConfig } from 'vitest/config';
import { ipcNamesDefine } from './shared/ipc/names-define';

export default defineConfig({
  // The preload's build-time names (shared/ipc/names.ts), for the tests that load the preload.
  define: ipcNamesDefine(),
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
  },
});
