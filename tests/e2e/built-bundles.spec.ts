import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { CHANNELS, EVENT_NAMES } from '../../shared/ipc/contract/index';
import { repoRoot } from './harness/paths';

/**
 * Checks on what the build wrote, run after the build with the browser tests: a sandboxed
 * preload can require nothing but 'electron', so anything else left external would make the
 * real app start without window.setup.
 */
test('the preload bundle requires only electron, so it loads in a sandboxed renderer', () => {
  const preload = readFileSync(resolve(repoRoot, 'out/preload/index.cjs'), 'utf8');
  const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
  expect([...new Set(required)]).toEqual(['electron']);
  expect(preload).not.toMatch(/\bimport\s+[^(]/);
});

test('the preload carries every channel of the contract and none of its schemas', () => {
  const preload = readFileSync(resolve(repoRoot, 'out/preload/index.cjs'), 'utf8');
  for (const channel of CHANNELS) expect(preload).toContain(JSON.stringify(channel));
  for (const event of EVENT_NAMES) expect(preload).toContain(JSON.stringify(event));
  // zod's error map and its schema constructor: either means the contract was bundled.
  expect(preload).not.toContain('invalid_type');
  expect(preload).not.toContain('$ZodType');
  expect(preload.length).toBeLessThan(30_000);
});

test('the renderer bundle has no inline script and loads its script with the CSP nonce', () => {
  const html = readFileSync(resolve(repoRoot, 'out/renderer/index.html'), 'utf8');
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).toMatch(/<script[^>]+src="\.\/assets\/[^"]+\.js"[^>]*nonce="__CSP_NONCE__"/);
});
