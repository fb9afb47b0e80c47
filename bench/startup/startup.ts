import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { createServices } from '../../main/core/create-services';
import { createRouter } from '../../main/ipc/router';
import { createOriginCheck } from '../../main/ipc/sender';
import { createNodeAdapters } from '../../main/core/node-adapters';
import { buildBridge } from '../../tests/e2e/harness/global-setup';
import { startStaticServer } from '../../tests/e2e/harness/static-server';
import { CHROMIUM_ARGS, bridgeBundle, chromiumExecutable, rendererDir, repoRoot } from '../../tests/e2e/harness/paths';

const RUNS = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Milliseconds from the start of navigation until `selectors` are all in the page, measured by
 * the page's own clock (a MutationObserver installed before any script runs). Playwright's
 * waits poll with growing intervals, which would add up to half a second of noise.
 */
async function measureOnce(open: () => Promise<Page>, url: string, selectors: string[]): Promise<number> {
  const page = await open();
  await page.addInitScript((wanted: string[]) => {
    const probe = window as unknown as { __readyAt?: number };
    const check = () => {
      if (probe.__readyAt === undefined && wanted.every((selector) => document.querySelector(selector))) probe.__readyAt = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  }, selectors);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __readyAt?: number }).__readyAt !== undefined, undefined, { polling: 'raf' });
  const time = await page.evaluate(() => (window as unknown as { __readyAt: number }).__readyAt);
  await page.close();
  return time;
}

/**
 * Both pages measured in alternation, run after run, so a machine that slows down or speeds up
 * half-way (other work, CPU frequency) weighs on both sides of the ratio alike.
 */
async function measurePairs(a: () => Promise<number>, b: () => Promise<number>): Promise<[number[], number[]]> {
  const first: number[] = [];
  const second: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    first.push(await a());
    second.push(await b());
  }
  return [first, second];
}

/** Gzip size of the JS the renderer's index.html loads up front (entry + modulepreloads). */
function initialJsGzip(): { bytes: number; files: string[] } {
  const html = readFileSync(resolve(rendererDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((match) => match[1] as string);
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(resolve(rendererDir, file))).length, 0);
  return { bytes, files };
}

export async function run(): Promise<void> {
  await buildBridge();
  const app = await startStaticServer(rendererDir);
  const blank = await startStaticServer(resolve(repoRoot, 'out/bench-blank'));
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
  const dataDir = mkdtempSync(join(tmpdir(), 'wcsa-bench-'));
  try {
    const adapters = createNodeAdapters({ dataDir, locale: 'en-US', emit: () => undefined });
    const services = createServices(adapters);
    const router = createRouter({ handlers: services.handlers, isTrustedSender: createOriginCheck(app.origin), logger: adapters.logger });
    const bridge = readFileSync(bridgeBundle, 'utf8');

    const openApp = async (context?: BrowserContext) => {
      const page = await (context ? context.newPage() : browser.newPage());
      await page.exposeBinding('__harnessInvoke', (source, channel: unknown, input: unknown) =>
        router.handle(channel, input, { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() }),
      );
      await page.addInitScript({ content: bridge });
      return page;
    };
    // Interactive: the step's heading and the rail's links are in the page (React attaches its
    // handlers before it commits); for the baseline, its heading and its one button.
    const appReady = ['main h1', 'nav a[href]'];
    const blankReady = ['main h1', 'button'];

    // Cold: every run in a new browser context, so nothing is cached (the first start after an
    // install). Warm: each page keeps one context, so Chromium's HTTP and V8 code caches carry
    // from run to run, as the app's do between starts (app:// is registered with codeCache).
    const appOnce = (context?: BrowserContext) => measureOnce(() => openApp(context), `${app.origin}/index.html`, appReady);
    const blankOnce = (context?: BrowserContext) => measureOnce(() => (context ? context.newPage() : browser.newPage()), `${blank.origin}/index.html`, blankReady);
    // One warm-up each so the first run does not measure Chromium's own start.
    await appOnce();
    await blankOnce();
    const [appTimes, blankTimes] = await measurePairs(() => appOnce(), () => blankOnce());
    const appContext = await browser.newContext();
    const blankContext = await browser.newContext();
    // Two loads each first: Chromium keeps a script's compiled code from its second load on.
    for (let load = 0; load < 2; load += 1) {
      await appOnce(appContext);
      await blankOnce(blankContext);
    }
    const [warmAppTimes, warmBlankTimes] = await measurePairs(() => appOnce(appContext), () => blankOnce(blankContext));

    const report = (label: string, appMedian: number, blankMedian: number) => {
      const ratio = appMedian / blankMedian;
      console.log(`startup ${label}: first wizard screen interactive, median of ${RUNS}: ${appMedian.toFixed(1)} ms`);
      console.log(`startup ${label}: blank React page (same Vite), median of ${RUNS}: ${blankMedian.toFixed(1)} ms`);
      console.log(`startup ${label}: ratio ${ratio.toFixed(2)} (goal <= 3) ${ratio <= 3 ? 'met' : 'NOT MET'}`);
    };
    report('cold', median(appTimes), median(blankTimes));
    report('warm', median(warmAppTimes), median(warmBlankTimes));
    const js = initialJsGzip();
    console.log(`initial JS: ${(js.bytes / 1024).toFixed(1)} KB gzip in ${js.files.length} file(s) (goal <= 250 KB) ${js.bytes <= 250 * 1024 ? 'met' : 'NOT MET'}`);
    console.log(`renderer assets: ${readdirSync(resolve(rendererDir, 'assets')).filter((file) => file.endsWith('.js')).length} JS chunks`);
  } finally {
    await browser.close();
    await app.close();
    await blank.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
