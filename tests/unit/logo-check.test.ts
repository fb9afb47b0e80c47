import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeByteFetch } from '../../main/platform/http/byte-fetch';
import type { Scheduler } from '../../main/platform/ports';
import { checkLogo, type LogoOutcome } from '../../main/requirements/logo-check';
import { LOGO_MAX_BYTES } from '../../shared/model/requirements/requirements';
import { makeCertificate, redirectTo, serveBytes, startHttpsServer, type TestHttpsServer } from './helpers/https-server';
import { gif, jpeg, png } from './helpers/images';

const certificate = makeCertificate();
const unavailable = 'unavailable' in certificate ? certificate.unavailable : null;

const realTimers: Scheduler = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) };
const NOW = new Date('2026-03-02T10:00:00.000Z');

describe.skipIf(unavailable !== null)(`logo check against a local https server${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let server: TestHttpsServer;

  beforeAll(async () => {
    if ('unavailable' in certificate) return;
    server = await startHttpsServer(certificate);
  });
  afterAll(async () => {
    await server?.close();
  });

  const check = (path: string, options: { timeoutMs?: number; trusted?: boolean } = {}): Promise<LogoOutcome> =>
    checkLogo(path.startsWith('http') ? path : `${server.origin}${path}`, {
      byteFetch: createNodeByteFetch(options.trusted === false ? {} : { ca: server.ca }),
      scheduler: realTimers,
      now: () => NOW,
      userAgent: 'WhatsAppChannelSetupAssistant/0.1.0',
      timeoutMs: options.timeoutMs,
    });

  const checked = async (path: string, options?: { timeoutMs?: number; trusted?: boolean }) => {
    const outcome = await check(path, options);
    if (outcome.kind !== 'checked') throw new Error(`expected a result, got ${outcome.kind}`);
    return outcome.check;
  };

  it('passes a 640 × 640 PNG and says its format, size and weight', async () => {
    const bytes = png(640, 640);
    server.route('/logo.png', serveBytes(bytes, 'image/png'));
    expect(await checked('/logo.png')).toEqual({
      url: `${server.origin}/logo.png`,
      state: 'passed',
      warnings: [],
      failure: null,
      httpStatus: null,
      width: 640,
      height: 640,
      bytes: bytes.length,
      format: 'png',
      checkedAt: NOW.toISOString(),
      nextAttemptAt: null,
    });
  });

  it('warns that a 641 × 640 PNG is not square, with the size it measured', async () => {
    server.route('/wide.png', serveBytes(png(641, 640), 'image/png'));
    expect(await checked('/wide.png')).toMatchObject({ state: 'warning', warnings: ['notSquare'], width: 641, height: 640 });
  });

  it('warns that a 320 × 320 PNG is smaller than the 640 px recommended', async () => {
    server.route('/small.png', serveBytes(png(320, 320), 'image/png'));
    expect(await checked('/small.png')).toMatchObject({ state: 'warning', warnings: ['smallerThanRecommended'], width: 320, height: 320 });
  });

  it('passes a 640 × 640 JPEG whatever its content type says', async () => {
    server.route('/logo', serveBytes(jpeg(640, 640), 'application/octet-stream'));
    expect(await checked('/logo')).toMatchObject({ state: 'passed', format: 'jpeg', width: 640, height: 640 });
  });

  it('refuses GIF bytes served as logo.png with image/png', async () => {
    server.route('/fake.png', serveBytes(gif(), 'image/png'));
    expect(await checked('/fake.png')).toMatchObject({ state: 'failed', failure: 'notPngOrJpeg', width: null });
  });

  it('refuses a PNG signature whose size cannot be read', async () => {
    server.route('/broken.png', serveBytes(Buffer.concat([png(640, 640).subarray(0, 8), Buffer.from('not a header')]), 'image/png'));
    expect(await checked('/broken.png')).toMatchObject({ state: 'failed', failure: 'unreadable', format: 'png' });
  });

  it('stops reading a file past 5 MB and calls it too large', async () => {
    const total = 50 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024);
    let written = 0;
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    server.route('/huge.png', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'image/png' });
      response.on('close', closed);
      const pump = () => {
        while (written < total && !response.destroyed) {
          written += chunk.length;
          if (!response.write(written === chunk.length ? Buffer.concat([png(640, 640).subarray(0, 8), chunk.subarray(8)]) : chunk)) {
            response.once('drain', pump);
            return;
          }
        }
        if (!response.destroyed) response.end();
      };
      pump();
    });
    const result = await checked('/huge.png');
    expect(result).toMatchObject({ state: 'failed', failure: 'tooLarge', bytes: LOGO_MAX_BYTES });
    await connectionClosed;
    // The client hung up long before the 50 MB were sent: the rest was never read.
    expect(written).toBeLessThan(total);
  });

  it('follows two redirects to the logo, and gives up on a redirect loop after five', async () => {
    server.route('/a', redirectTo('/b', 301));
    server.route('/b', redirectTo(`${server.origin}/logo-final.png`, 307));
    server.route('/logo-final.png', serveBytes(png(640, 640), 'image/png'));
    expect(await checked('/a')).toMatchObject({ state: 'passed', url: `${server.origin}/a` });

    server.route('/loop', redirectTo('/loop'));
    const before = server.requests().filter((path) => path === '/loop').length;
    expect(await checked('/loop')).toMatchObject({ state: 'failed', failure: 'tooManyRedirects' });
    expect(server.requests().filter((path) => path === '/loop').length - before).toBe(6);
  });

  it('refuses a redirect to plain http, and an http address without asking', async () => {
    server.route('/to-http', redirectTo('http://127.0.0.1:9/logo.png'));
    expect(await checked('/to-http')).toMatchObject({ state: 'failed', failure: 'redirectNotHttps' });
    const asked = server.requests().length;
    expect(await checked('http://127.0.0.1:9/logo.png')).toMatchObject({ state: 'failed', failure: 'notHttps' });
    expect(await checked('not a url')).toMatchObject({ state: 'failed', failure: 'notHttps' });
    expect(server.requests().length).toBe(asked);
  });

  it('sends no credentials written in the address, nor any cookie', async () => {
    let headers: Record<string, string | string[] | undefined> = {};
    server.route('/private.png', (request, response) => {
      headers = request.headers;
      serveBytes(png(640, 640), 'image/png')(request, response);
    });
    const withCredentials = server.origin.replace('https://', 'https://admin:secret@');
    expect(await checked(`${withCredentials}/private.png`)).toMatchObject({ state: 'passed' });
    expect(headers.authorization).toBeUndefined();
    expect(headers.cookie).toBeUndefined();
    expect(headers['user-agent']).toBe('WhatsAppChannelSetupAssistant/0.1.0');
  });

  it('reports the status of an error answer', async () => {
    expect(await checked('/missing.png')).toMatchObject({ state: 'failed', failure: 'httpStatus', httpStatus: 404 });
  });

  it('gives up on a server that never finishes, when the time is up', async () => {
    server.route('/slow.png', (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'image/png' });
      response.write(png(640, 640).subarray(0, 8));
    });
    const started = Date.now();
    expect(await checked('/slow.png', { timeoutMs: 300 })).toMatchObject({ state: 'failed', failure: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('calls a certificate it cannot trust unreachable, not offline', async () => {
    server.route('/trusted.png', serveBytes(png(640, 640), 'image/png'));
    expect(await checked('/trusted.png', { trusted: false })).toMatchObject({ state: 'failed', failure: 'unreachable' });
  });

  it('says offline when nothing answers at the address', async () => {
    const gone = await startHttpsServer(certificate as Exclude<typeof certificate, { unavailable: string }>);
    const origin = gone.origin;
    await gone.close();
    expect(await check(`${origin}/logo.png`)).toEqual({ kind: 'offline' });
  });

  it('stops and says cancelled when a newer URL replaces the one being checked', async () => {
    server.route('/hang.png', (_request, response) => void response.writeHead(200));
    const cancel = new AbortController();
    const outcome = checkLogo(`${server.origin}/hang.png`, { byteFetch: createNodeByteFetch({ ca: server.ca }), scheduler: realTimers, now: () => NOW, userAgent: 'x/1.0.0' }, cancel.signal);
    cancel.abort();
    expect(await outcome).toEqual({ kind: 'cancelled' });
  });
});
