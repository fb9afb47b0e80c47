import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { CSP_NONCE_PLACEHOLDER } from './main/platform/security/csp';
import { ipcNamesDefine } from './shared/ipc/names-define';

/**
 * One build for the three runtimes.
 *
 * The preload is bundled to a single CommonJS file because sandboxed preloads cannot load
 * modules; the renderer is a plain Vite build served from app:// by main (and over HTTP by the
 * test harness, byte for byte the same files).
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'main/app/index.ts') } },
    },
  },
  preload: {
    // The contract's names only: the preload carries no schema (see shared/ipc/names.ts).
    define: ipcNamesDefine(),
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only 'electron' (and a few built-ins): zod and the
      // contract must be inside the bundle, not left as require('zod').
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    // Replaced by a fresh nonce in every HTML response (main/security/protocol-path.ts).
    html: { cspNonce: CSP_NONCE_PLACEHOLDER },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; minified code parses faster at start-up.
      minify: true,
      // ES2021: class static blocks (Fluent's focus library has some) are lowered, so the
      // security scan's parser can read every built file; Chromium runs either just as well.
      target: 'es2021',
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
