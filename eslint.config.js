import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'zlib'];

/**
 * main/'s floors above the platform: areas, the IPC router, the composition root, the shell.
 * Read from the folder, so a new area is under the layer rule the day it is created.
 */
const AREAS = readdirSync(new URL('./main/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'platform')
  .map((entry) => entry.name);

/** Layers by runtime: shared <- main <- main/app; renderer sees shared only. */
const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['build/**/*.js', 'out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'docs/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports (default exports only for React lazy routes).' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restrict([
        { group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node built-ins.' },
        { group: ['electron', 'electron/*'], message: 'shared/ must not import electron.' },
        { group: ['react', 'react-dom', '**/renderer/**', '**/main/**', '**/preload/**'], message: 'shared/ imports nothing from the other layers.' },
      ]),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer'],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/app/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron', 'electron/*', 'electron-store', 'electron-log', 'electron-log/*'], message: 'Only main/app/ may import electron: put an adapter behind a port there.' },
        { group: ['**/renderer/**', '**/preload/**'], message: 'main/ must not import renderer or preload code.' },
      ]),
    },
  },
  {
    // The ground floor: ports, persistence, http, secrets, logging, security. It knows no area.
    files: ['main/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron', 'electron/*', 'electron-store', 'electron-log', 'electron-log/*'], message: 'Only main/app/ may import electron: put an adapter behind a port there.' },
        {
          group: AREAS.flatMap((area) => [`../${area}`, `../${area}/*`, `../../${area}`, `../../${area}/*`]),
          message: 'main/platform/ is the ground floor: it imports only platform pieces and shared/, never an area or the composition root.',
        },
      ]),
    },
  },
  {
    // Areas never reach the composition root: it imports them, not the other way round.
    files: ['main/**/*.ts'],
    ignores: ['main/app/**', 'main/core/**', 'main/platform/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron', 'electron/*', 'electron-store', 'electron-log', 'electron-log/*'], message: 'Only main/app/ may import electron: put an adapter behind a port there.' },
        { group: ['**/renderer/**', '**/preload/**'], message: 'main/ must not import renderer or preload code.' },
        { group: ['**/core/create-services', '**/core/node-adapters'], message: 'Areas never import the composition root or its Node adapters; take what you need as a dependency.' },
      ]),
    },
  },
  {
    files: ['main/app/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([{ group: ['**/renderer/**'], message: 'main/ must not import renderer code.' }]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([
        { group: nodeBuiltins, message: 'The renderer is a web page: no Node built-ins.' },
        { group: ['electron', 'electron/*'], message: 'The renderer talks to main only through window.setup.' },
        { group: ['**/main/**', '**/preload/**'], message: 'The renderer imports shared/ only, never main or preload.' },
      ]),
    },
  },
  {
    files: ['renderer/steps/*/index.tsx'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([{ group: ['**/main/**', '**/renderer/**'], message: 'The preload exposes the contract API only.' }]),
    },
  },
  {
    files: ['*.config.{ts,js,mjs}', 'tests/**/*.config.ts', 'tests/e2e/harness/global-setup.ts', 'bench/**/vite.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
