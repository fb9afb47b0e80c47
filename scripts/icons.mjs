#!/usr/bin/env node
// Renders build/icon.svg to build/icon.png (1024 px) with the same Chromium the tests use;
// electron-builder derives the Windows .ico and macOS .icns from that PNG.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(resolve(root, 'build/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.locator('svg').screenshot({ path: resolve(root, 'build/icon.png'), omitBackground: true });
await browser.close();
console.log('wrote build/icon.png');
