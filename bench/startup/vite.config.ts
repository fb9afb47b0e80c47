import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Builds the blank baseline page with the same Vite and React plugin as the renderer. */
export default defineConfig({
  root: resolve(__dirname, 'blank'),
  base: './',
  logLevel: 'warn',
  plugins: [react()],
  build: { outDir: resolve(__dirname, '../../out/bench-blank'), emptyOutDir: true },
});
