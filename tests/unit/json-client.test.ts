import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { AppError } from '../../shared/errors/index';
import { createJsonClient, fullJitter, userAgent, type ApiOptions, type HttpAnswer } from '../../main/platform/http/json-client';
import type { FetchLike, Logger } from '../../main/platform/ports';

const TOKEN = 'EAAGjsonClientTokenNeverLogged0123456789';

function reply(status: number, body: string, headers: Record<string, string> = {}): Awaited<ReturnType<FetchLike>> {
  return { status, headers: { get: (name) => headers[name.toLowerCase()] ?? null }, text: async () => body };
}

/** Records raw log lines, without the redaction real loggers apply, so a leak would show. */
function rawLogger(): Logger & { text(): string } {
  const lines: string[] = [];
  const write = (message: string, meta?: Record<string, unknown>) => lines.push(`${message} ${JSON.stringify(meta ?? {})}`);
  return { info: write, warn: write, error: write, text: () => lines.join('\n') };
}

/** A test API: refusals become `meta.invalidRequest` (or `meta.transient` on 5xx), with the status. */
function client(answer: FetchLike, api: Partial<ApiOptions> = {}) {
  const calls: { url: string; init: Parameters<FetchLike>[1] }[] = [];
  const slept: number[] = [];
  const mapped: HttpAnswer[] = [];
  const logger = rawLogger();
  const http = createJsonClient(
    {
      fetch: async (url, init) => {
        calls.push({ url, init });
        return answer(url, init);
      },
      logger,
      userAgent: userAgent('1.4.2'),
    },
    {
      name: 'test-api',
      mapError: (answered) => {
        mapped.push(answered);
        if (answered.status >= 500) return new AppError('meta.transient', { status: answered.status });
        return answered.status >= 400 ? new AppError('meta.invalidRequest', { status: answered.status }) : null;
      },
      errors: { network: 'meta.network', cancelled: 'meta.cancelled', malformed: 'meta.malformedResponse' },
      retry: {
        random: () => 0.5,
        sleep: async (ms) => {
          slept.push(ms);
        },
        delay: (error, attempt, baseMs, random) => (error.code === 'meta.transient' || error.code === 'meta.network' ? fullJitter(attempt, baseMs, random) : null),
      },
      ...api,
    },
  );
  return { http, calls, slept, mapped, logger };
}

const Item = z.object({ id: z.string() });
const URL_ = 'https://api.example.test/v1/items';

describe('JSON client', () => {
  it('sends a User-Agent of the form WhatsAppChannelSetupAssistant/x.y.z, and asks for JSON', async () => {
    const { http, calls } = client(async () => reply(200, '{"id":"1"}'));
    await expect(http.request({ method: 'GET', url: URL_, schema: Item })).resolves.toEqual({ id: '1' });
    expect(calls[0]?.init.headers['User-Agent']).toBe('WhatsAppChannelSetupAssistant/1.4.2');
    expect(calls[0]?.init.headers['User-Agent']).toMatch(/^[A-Za-z]+\/\d+\.\d+\.\d+$/);
    expect(calls[0]?.init.headers.Accept).toBe('application/json');
    expect(userAgent('0.2.0-beta.3')).toBe('WhatsAppChannelSetupAssistant/0.2.0');
    expect(userAgent('dev')).toBe('WhatsAppChannelSetupAssistant/0.0.0');
  });

  it('keeps the User-Agent its own even when a caller passes one', async () => {
    const { http, calls } = client(async () => reply(200, '{"id":"1"}'));
    await http.request({ method: 'GET', url: URL_, headers: { 'user-agent': 'curl/8', Authorization: `Bearer ${TOKEN}` }, schema: Item });
    expect(calls[0]?.init.headers).toEqual({ Authorization: `Bearer ${TOKEN}`, 'User-Agent': 'WhatsAppChannelSetupAssistant/1.4.2', Accept: 'application/json' });
  });

  it('encodes the query and sends a JSON body as application/json', async () => {
    const { http, calls } = client(async () => reply(201, '{"id":"2"}'));
    await http.request({ method: 'POST', url: URL_, query: { fields: 'id,name' }, body: { json: { name: 'Contoso', tags: ['a'] } }, schema: Item });
    expect(calls[0]?.url).toBe('https://api.example.test/v1/items?fields=id%2Cname');
    expect(calls[0]?.init).toMatchObject({ method: 'POST', body: '{"name":"Contoso","tags":["a"]}' });
    expect(calls[0]?.init.headers['Content-Type']).toBe('application/json');
  });

  it('sends form fields as application/x-www-form-urlencoded', async () => {
    const { http, calls } = client(async () => reply(200, '{"id":"3"}'));
    await http.request({ method: 'POST', url: URL_, body: { form: { code: 'AQB', code_verifier: 'v e/r' } }, schema: Item });
    expect(calls[0]?.init.body).toBe('code=AQB&code_verifier=v+e%2Fr');
    expect(calls[0]?.init.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
  });

  it('declares a JSON Content-Type on a call without a body only for an API that asks for it', async () => {
    const plain = client(async () => reply(200, '{"id":"4"}'));
    await plain.http.request({ method: 'GET', url: URL_, headers: { 'content-type': 'text/plain' }, schema: Item });
    expect(Object.keys(plain.calls[0]?.init.headers ?? {}).map((name) => name.toLowerCase())).not.toContain('content-type');
    expect(plain.calls[0]?.init.body).toBeUndefined();

    const declared = client(async () => reply(200, '{"id":"4"}'), { declareJsonContentType: true });
    await declared.http.request({ method: 'GET', url: URL_, schema: Item });
    await declared.http.request({ method: 'POST', url: URL_, body: { form: { a: 'b' } }, schema: Item });
    expect(declared.calls[0]?.init.headers['Content-Type']).toBe('application/json');
    expect(declared.calls[0]?.init.body).toBeUndefined();
    // A form body keeps its own type: the declaration is only for calls without a body.
    expect(declared.calls[1]?.init.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
  });

  it('hands the API\'s error map the status, the parsed body and the headers, and throws what it returns', async () => {
    const { http, mapped } = client(async () => reply(429, '{"error":{"code":4}}', { 'retry-after': '30' }));
    await expect(http.request({ method: 'POST', url: URL_, schema: Item })).rejects.toMatchObject({ code: 'meta.invalidRequest', params: { status: 429 } });
    expect(mapped).toHaveLength(1);
    expect(mapped[0]?.status).toBe(429);
    expect(mapped[0]?.body).toEqual({ error: { code: 4 } });
    expect(mapped[0]?.headers.get('Retry-After')).toBe('30');
  });

  it('asks the error map about successes too, so an API that reports errors in a 200 is heard', async () => {
    const { http } = client(async () => reply(200, '{"error":"nope"}'), {
      mapError: (answer) => (typeof answer.body === 'object' && answer.body !== null && 'error' in answer.body ? new AppError('meta.unknown') : null),
    });
    await expect(http.request({ method: 'GET', url: URL_, schema: z.object({}) })).rejects.toMatchObject({ code: 'meta.unknown' });
  });

  it('turns an answer its schema refuses, or that is not JSON, into the malformed code', async () => {
    await expect(client(async () => reply(200, '{"id":1}')).http.request({ method: 'GET', url: URL_, schema: Item })).rejects.toMatchObject({ code: 'meta.malformedResponse' });
    const broken = client(async () => reply(200, '<html>'));
    await expect(broken.http.request({ method: 'GET', url: URL_, schema: Item })).rejects.toMatchObject({ code: 'meta.malformedResponse' });
    expect(broken.mapped[0]?.body).toBeUndefined();
  });

  it('gives up on a call that outlives its timeout, with the timeout code', async () => {
    const hang: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        init.signal.addEventListener('abort', () => reject(new DOMException('timed out', 'TimeoutError')));
      });
    const { http, calls } = client(hang, { timeoutMs: 20, errors: { network: 'meta.network', timeout: 'meta.transient', cancelled: 'meta.cancelled', malformed: 'meta.malformedResponse' }, retry: { attempts: 1 } });
    await expect(http.request({ method: 'GET', url: URL_, schema: Item })).rejects.toMatchObject({ code: 'meta.transient' });
    // A per-call timeout overrides the client's.
    await expect(client(hang, { timeoutMs: 60_000, retry: { attempts: 1 } }).http.request({ method: 'GET', url: URL_, schema: Item, timeoutMs: 20 })).rejects.toMatchObject({ code: 'meta.network' });
    expect(calls).toHaveLength(1);
  });

  it('ends a call the caller aborts with the cancelled code, distinct from a network failure', async () => {
    const controller = new AbortController();
    const { http } = client(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const pending = http.request({ method: 'GET', url: URL_, schema: Item, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'meta.cancelled' });
    const offline = client(async () => {
      throw new TypeError('fetch failed');
    });
    await expect(offline.http.request({ method: 'POST', url: URL_, schema: Item })).rejects.toMatchObject({ code: 'meta.network' });
  });

  it('does not call at all when the signal is already aborted', async () => {
    const { http, calls } = client(async () => reply(200, '{"id":"1"}'));
    await expect(http.request({ method: 'GET', url: URL_, schema: Item, signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'meta.cancelled' });
    expect(calls).toHaveLength(0);
  });

  it('retries reads with exponential backoff and full jitter, then succeeds', async () => {
    let failures = 2;
    const { http, calls, slept } = client(async () => (failures-- > 0 ? reply(503, '{}') : reply(200, '{"id":"1"}')), { retry: { random: () => 0.5, sleep: async (ms) => void slept.push(ms) } });
    await expect(http.request({ method: 'GET', url: URL_, schema: Item })).rejects.toMatchObject({ code: 'meta.transient' });
    // Without a delay hook only network failures are retried: a 503 is the API's to judge.
    expect(calls).toHaveLength(1);
    expect(slept).toEqual([]);

    failures = 2;
    const hooked = client(async () => (failures-- > 0 ? reply(503, '{}') : reply(200, '{"id":"1"}')));
    await expect(hooked.http.request({ method: 'HEAD', url: URL_, schema: Item })).resolves.toEqual({ id: '1' });
    expect(hooked.calls).toHaveLength(3);
    // random() = 0.5: half of 500 ms, then half of 1000 ms.
    expect(hooked.slept).toEqual([250, 500]);
  });

  it('draws each wait uniformly below the doubled cap', () => {
    expect(fullJitter(0, 500, () => 0)).toBe(0);
    expect(fullJitter(0, 500, () => 1)).toBe(500);
    expect(fullJitter(3, 500, () => 1)).toBe(4000);
    expect(fullJitter(2, 500, () => 0.25)).toBe(500);
  });

  it('retries network failures by default, and stops after the configured attempts', async () => {
    const slept: number[] = [];
    const { http, calls } = client(
      async () => {
        throw new TypeError('fetch failed');
      },
      { retry: { attempts: 4, baseMs: 100, random: () => 1, sleep: async (ms) => void slept.push(ms) } },
    );
    await expect(http.request({ method: 'GET', url: URL_, schema: Item })).rejects.toMatchObject({ code: 'meta.network' });
    expect(calls).toHaveLength(4);
    expect(slept).toEqual([100, 200, 400]);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'] as const)('never repeats a %s', async (method) => {
    const { http, calls, slept } = client(async () => reply(503, '{}'));
    await expect(http.request({ method, url: URL_, schema: Item })).rejects.toMatchObject({ code: 'meta.transient' });
    expect(calls).toHaveLength(1);
    expect(slept).toEqual([]);
  });

  it('lets the delay hook refuse a retry', async () => {
    const { http, calls } = client(async () => reply(503, '{}'), { retry: { sleep: async () => undefined, delay: () => null } });
    await expect(http.request({ method: 'GET', url: URL_, schema: Item })).rejects.toMatchObject({ code: 'meta.transient' });
    expect(calls).toHaveLength(1);
  });

  it('stops retrying when the caller cancels during the wait', async () => {
    const controller = new AbortController();
    const { http, calls } = client(async () => reply(503, '{}'), {
      retry: {
        delay: () => 10_000,
        sleep: async () => {
          controller.abort();
          throw new AppError('meta.cancelled');
        },
      },
    });
    await expect(http.request({ method: 'GET', url: URL_, schema: Item, signal: controller.signal })).rejects.toMatchObject({ code: 'meta.cancelled' });
    expect(calls).toHaveLength(1);
  });

  it('cuts its own backoff short when the caller cancels', async () => {
    const controller = new AbortController();
    const { http } = client(async () => reply(503, '{}'), { retry: { delay: () => 60_000 } });
    const pending = http.request({ method: 'GET', url: URL_, schema: Item, signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const started = Date.now();
    await expect(pending).rejects.toMatchObject({ code: 'meta.cancelled' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('logs method, host, path and status of each call, never the token, a query value or a body', async () => {
    const { http, logger } = client(async () => reply(400, JSON.stringify({ error: { message: `bad token ${TOKEN}` }, echo: 'SECRET-BODY-ANSWER' })));
    await http
      .request({
        method: 'POST',
        url: URL_,
        query: { access_token: TOKEN, filter: 'QUERY-VALUE-42' },
        headers: { Authorization: `Bearer ${TOKEN}` },
        body: { form: { pin: '123456', note: 'SECRET-BODY-REQUEST' } },
        schema: Item,
      })
      .catch(() => undefined);
    const text = logger.text();
    expect(text).toContain('test-api: answered');
    expect(text).toContain('"method":"POST"');
    expect(text).toContain('"host":"api.example.test"');
    expect(text).toContain('"path":"/v1/items"');
    expect(text).toContain('"query":"access_token,filter"');
    expect(text).toContain('"status":400');
    expect(text).toMatch(/"durationMs":\d+/);
    for (const secret of [TOKEN, 'QUERY-VALUE-42', '123456', 'SECRET-BODY-REQUEST', 'SECRET-BODY-ANSWER', 'Bearer', 'Authorization']) expect(text).not.toContain(secret);
  });

  it('logs a failed call by the error\'s class only, never its message (which may quote the URL)', async () => {
    const { http, logger } = client(
      async (url) => {
        throw new TypeError(`fetch failed for ${url}`);
      },
      { retry: { attempts: 1 } },
    );
    await http.request({ method: 'GET', url: URL_, query: { access_token: TOKEN }, schema: Item }).catch(() => undefined);
    expect(logger.text()).toContain('"error":"TypeError"');
    expect(logger.text()).not.toContain(TOKEN);
  });

  it('logs the path of a schema failure, not the values it refused', async () => {
    const { http, logger } = client(async () => reply(200, JSON.stringify({ access_token: TOKEN, id: 7 })));
    await expect(http.request({ method: 'GET', url: URL_, schema: Item })).rejects.toMatchObject({ code: 'meta.malformedResponse' });
    expect(logger.text()).toContain('"issue":"id"');
    expect(logger.text()).not.toContain(TOKEN);
  });
});
