import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { AppError } from '../../shared/errors/index';
import { createGraphClient, retryDelay, type FetchLike } from '../../main/meta/graph/client';
import { createMemoryLogger } from '../../main/core/node-adapters';
import { userAgent } from '../../main/platform/http/json-client';

const TOKEN = 'EAAGm0PX4ZCpsBAKZCZAZDsandboxtokenvalue1234';
const NOW = new Date('2026-03-02T10:00:00.000Z');

function reply(status: number, body: string, headers: Record<string, string> = {}): Awaited<ReturnType<FetchLike>> {
  return { status, headers: { get: (name) => headers[name.toLowerCase()] ?? null }, text: async () => body };
}

function client(answer: FetchLike, token: string | null = TOKEN) {
  const calls: { url: string; init: Parameters<FetchLike>[1] }[] = [];
  const slept: number[] = [];
  const expired: (number | null)[] = [];
  const logger = createMemoryLogger();
  const graph = createGraphClient({
    http: {
      fetch: async (url, init) => {
        calls.push({ url, init });
        return answer(url, init);
      },
      logger,
      userAgent: userAgent('0.1.0'),
    },
    baseUrl: () => 'https://graph.example',
    version: () => 'v26.0',
    token: () => token,
    onSessionExpired: (subcode) => expired.push(subcode),
    now: () => NOW,
    retry: {
      attempts: 3,
      baseMs: 500,
      random: () => 0.5,
      sleep: async (ms, signal) => {
        slept.push(ms);
        if (signal?.aborted) throw new AppError('meta.cancelled');
      },
    },
  });
  return { graph, calls, expired, logger, slept };
}

const Me = z.object({ id: z.string(), name: z.string() });

describe('Graph client', () => {
  it('sends the token in the Authorization header, never in the URL, and parses the answer', async () => {
    const { graph, calls } = client(async () => reply(200, '{"id":"1","name":"Camille Martin"}'));
    await expect(graph.get({ path: '/me', query: { fields: 'id,name' }, schema: Me })).resolves.toEqual({ id: '1', name: 'Camille Martin' });
    expect(calls[0]?.url).toBe('https://graph.example/v26.0/me?fields=id%2Cname');
    expect(calls[0]?.url).not.toContain(TOKEN);
    expect(calls[0]?.init.headers.Authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('posts JSON, the only body type Meta\'s OpenAPI file gives, and declares JSON on reads too', async () => {
    const { graph, calls } = client(async () => reply(200, '{"success":true}'));
    await graph.post({ path: '/123/request_code', json: { code_method: 'SMS', language: 'fr_FR' }, schema: z.object({ success: z.boolean() }) });
    expect(calls[0]?.init).toMatchObject({ method: 'POST', body: '{"code_method":"SMS","language":"fr_FR"}' });
    expect(calls[0]?.init.headers['Content-Type']).toBe('application/json');
    // The OpenAPI file requires Content-Type on the business profile GET as well.
    await graph.get({ path: '/123/whatsapp_business_profile', schema: z.object({}) });
    expect(calls[1]?.init.headers['Content-Type']).toBe('application/json');
    expect(calls[1]?.init.body).toBeUndefined();
  });

  it('refuses to call without a token', async () => {
    const { graph, calls } = client(async () => reply(200, '{}'), null);
    await expect(graph.get({ path: '/me', schema: Me })).rejects.toMatchObject({ code: 'meta.session.notConnected' });
    expect(calls).toHaveLength(0);
  });

  it('reports an expired or revoked token (190) as a session to renew, with its subcode', async () => {
    const body = JSON.stringify({ error: { message: 'Error validating access token', type: 'OAuthException', code: 190, error_subcode: 463, fbtrace_id: 'AbC' } });
    const { graph, expired } = client(async () => reply(401, body));
    await expect(graph.get({ path: '/me', schema: Me })).rejects.toMatchObject({ code: 'meta.session.expired', params: { graphCode: 190, subcode: 463, traceId: 'AbC' } });
    expect(expired).toEqual([463]);
  });

  it('reads how long a rate limit lasts from X-Business-Use-Case-Usage', async () => {
    const usage = JSON.stringify({ '123': [{ type: 'whatsapp_business_management', call_count: 100, estimated_time_to_regain_access: 12 }] });
    const body = JSON.stringify({ error: { message: 'limit', type: 'OAuthException', code: 80007, fbtrace_id: 'x' } });
    const { graph } = client(async () => reply(400, body, { 'x-business-use-case-usage': usage }));
    await expect(graph.get({ path: '/123', schema: Me })).rejects.toMatchObject({ code: 'meta.rateLimited', params: { graphCode: 80007, retryAfterMinutes: 12, retryAt: '2026-03-02T10:12:00.000Z' } });
  });

  it('takes an HTTP 429 for a throttle even when the answer is not Graph\'s', async () => {
    const { graph } = client(async () => reply(429, '<html>Too Many Requests</html>'));
    const failure = await graph.get({ path: '/123', schema: Me }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'meta.rateLimited', params: { status: 429 } });
    // Meta said nothing about the wait: no time is made up.
    expect((failure as AppError).params.retryAt).toBeUndefined();
  });

  it('keeps Meta\'s texts for the person, short, beside the code, and leaves them out of the log', async () => {
    const body = { error: { code: 100, error_subcode: 2388001, message: 'Developer detail', error_user_title: 'Phone number already in use', error_user_msg: `Delete the account first. ${'x'.repeat(400)}`, fbtrace_id: 'AZtrace' } };
    const { graph, logger } = client(async () => reply(400, JSON.stringify(body)));
    const failure = (await graph.post({ path: '/1/phone_numbers', json: { cc: '33' }, schema: Me }).catch((error: unknown) => error)) as AppError;
    expect(failure.code).toBe('meta.number.alreadyOnWhatsApp');
    expect(failure.params).toMatchObject({ userTitle: 'Phone number already in use', traceId: 'AZtrace', subcode: 2388001 });
    expect(String(failure.params.userMessage)).toMatch(/^Delete the account first\. x+$/);
    expect(String(failure.params.userMessage)).toHaveLength(300);
    expect(JSON.stringify(failure.params)).not.toContain('Developer detail');
    expect(logger.lines().join('\n')).toContain('AZtrace');
    expect(logger.lines().join('\n')).not.toContain('Delete the account first');
  });

  it.each([
    [500, { error: { code: 2, is_transient: true, message: 'Service temporarily unavailable' } }, 'meta.transient'],
    [400, { error: { code: 133004, message: 'Server temporarily unavailable' } }, 'meta.transient'],
    [400, { error: { code: 102, message: 'Session key invalid or no longer valid' } }, 'meta.session.expired'],
    [403, { error: { code: 200, message: 'Permissions error' } }, 'meta.permission'],
    [400, { error: { code: 100, error_subcode: 2388001, message: 'already on WhatsApp' } }, 'meta.number.alreadyOnWhatsApp'],
    [400, { error: { code: 133016, message: 'register limit' } }, 'meta.number.registerLimit'],
    [400, { error: { code: 100, message: 'Invalid parameter' } }, 'meta.invalidRequest'],
    [409, { error: { code: 999999, message: '?' } }, 'meta.unknown'],
  ])('maps status %i with %j to %s', async (status, body, code) => {
    const { graph } = client(async () => reply(status, JSON.stringify(body)));
    await expect(graph.get({ path: '/x', schema: Me })).rejects.toMatchObject({ code });
  });

  it('never passes Meta\'s prose on, only codes', async () => {
    const { graph } = client(async () => reply(400, JSON.stringify({ error: { code: 100, message: 'Secret internal detail' } })));
    const failure = await graph.get({ path: '/x', schema: Me }).catch((error: unknown) => error);
    expect(JSON.stringify(failure)).not.toContain('Secret internal detail');
  });

  it('treats broken JSON and unexpected shapes as a malformed answer, not a crash', async () => {
    await expect(client(async () => reply(200, '{"id": "1", "na')).graph.get({ path: '/me', schema: Me })).rejects.toMatchObject({ code: 'meta.malformedResponse' });
    await expect(client(async () => reply(200, '{"id": 1}')).graph.get({ path: '/me', schema: Me })).rejects.toMatchObject({ code: 'meta.malformedResponse' });
    await expect(client(async () => reply(502, '<html>Bad gateway</html>')).graph.get({ path: '/me', schema: Me })).rejects.toMatchObject({ code: 'meta.transient' });
  });

  it('reports an offline network as such, and a cancelled call as cancelled', async () => {
    const offline = client(async () => {
      throw new TypeError('fetch failed');
    });
    await expect(offline.graph.get({ path: '/me', schema: Me })).rejects.toMatchObject({ code: 'meta.network' });
    const controller = new AbortController();
    const slow = client(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const pending = slow.graph.get({ path: '/me', schema: Me, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'meta.cancelled' });
  });

  it('logs failures without the token', async () => {
    const { graph, logger } = client(async () => reply(401, JSON.stringify({ error: { code: 190, message: `bad token ${TOKEN}` } })));
    await graph.get({ path: '/me', schema: Me }).catch(() => undefined);
    expect(logger.lines().join('\n')).not.toContain(TOKEN);
    expect(logger.lines().join('\n')).toContain('graph: Meta refused a call');
  });

  it('retries a read after a transient failure, with backoff, and then succeeds', async () => {
    let failures = 2;
    const { graph, calls, slept } = client(async () => (failures-- > 0 ? reply(503, JSON.stringify({ error: { code: 2, is_transient: true, message: 'x' } })) : reply(200, '{"id":"1","name":"Camille"}')));
    await expect(graph.get({ path: '/me', schema: Me })).resolves.toEqual({ id: '1', name: 'Camille' });
    expect(calls).toHaveLength(3);
    expect(slept).toEqual([250, 500]);
  });

  it('gives up after three attempts and reports the failure', async () => {
    const { graph, calls } = client(async () => {
      throw new TypeError('fetch failed');
    });
    await expect(graph.get({ path: '/me', schema: Me })).rejects.toMatchObject({ code: 'meta.network' });
    expect(calls).toHaveLength(3);
  });

  it('never repeats a write, such as register or verify_code', async () => {
    const { graph, calls } = client(async () => reply(503, JSON.stringify({ error: { code: 2, is_transient: true, message: 'x' } })));
    await expect(graph.post({ path: '/1/register', json: { messaging_product: 'whatsapp', pin: '123456' }, schema: Me })).rejects.toMatchObject({ code: 'meta.transient' });
    expect(calls).toHaveLength(1);
  });

  it('waits out a throttle of a minute but leaves a longer one to the admin', () => {
    const limited = (minutes?: number) => new AppError('meta.rateLimited', minutes === undefined ? {} : { retryAfterMinutes: minutes });
    expect(retryDelay(limited(1), 0, 500, () => 0.5)).toBe(60_000);
    expect(retryDelay(limited(12), 0, 500, () => 0.5)).toBeNull();
    expect(retryDelay(limited(), 1, 500, () => 0.5)).toBe(1500);
    expect(retryDelay(new AppError('meta.invalidRequest'), 0, 500, () => 0.5)).toBeNull();
    expect(retryDelay(new AppError('meta.session.expired'), 0, 500, () => 0.5)).toBeNull();
  });

  it('stops retrying when the admin cancels', async () => {
    const controller = new AbortController();
    const { graph, calls } = client(async () => {
      controller.abort();
      return reply(503, JSON.stringify({ error: { code: 2, is_transient: true, message: 'x' } }));
    });
    await expect(graph.get({ path: '/me', schema: Me, signal: controller.signal })).rejects.toMatchObject({ code: 'meta.cancelled' });
    expect(calls).toHaveLength(1);
  });

  describe('lists', () => {
    const Item = z.object({ id: z.string() });
    const page = (ids: string[], after: string | null, next: boolean) =>
      JSON.stringify({ data: ids.map((id) => ({ id })), paging: { cursors: { before: 'b', ...(after ? { after } : {}) }, ...(next ? { next: `https://graph.example/v26.0/1/phone_numbers?access_token=${TOKEN}&after=${after}` } : {}) } });

    it('follow the after cursor while Meta says there is a next page, and never fetch the next URL itself', async () => {
      const pages: Record<string, string> = { '': page(['1', '2'], 'c2', true), c2: page(['3', '4'], 'c4', true), c4: page(['5'], 'c5', false) };
      const { graph, calls } = client(async (url) => reply(200, pages[new URL(url).searchParams.get('after') ?? ''] ?? '{}'));
      const items = await graph.list({ path: '/1/phone_numbers', query: { fields: 'id', limit: '2' }, item: Item });
      expect(items.map((item) => item.id)).toEqual(['1', '2', '3', '4', '5']);
      expect(calls.map((call) => new URL(call.url).search)).toEqual(['?fields=id&limit=2', '?fields=id&limit=2&after=c2', '?fields=id&limit=2&after=c4']);
      for (const call of calls) expect(call.url).not.toContain(TOKEN);
    });

    it('stop at the first page without paging.next, even when it has an after cursor', async () => {
      const { graph, calls } = client(async () => reply(200, page(['1'], 'c1', false)));
      await expect(graph.list({ path: '/1/phone_numbers', item: Item })).resolves.toEqual([{ id: '1' }]);
      expect(calls).toHaveLength(1);
      const empty = client(async () => reply(200, '{"data":[]}'));
      await expect(empty.graph.list({ path: '/1/phone_numbers', item: Item })).resolves.toEqual([]);
    });

    it('end when Meta hands back the same cursor, instead of looping', async () => {
      const { graph, calls } = client(async () => reply(200, page(['1'], 'same', true)));
      await expect(graph.list({ path: '/1/phone_numbers', item: Item })).resolves.toEqual([{ id: '1' }, { id: '1' }]);
      expect(calls).toHaveLength(2);
    });

    it('give up with a clear code when the list is longer than the pages followed', async () => {
      let n = 0;
      const { graph, calls } = client(async () => {
        n += 1;
        return reply(200, page([String(n)], `c${n}`, true));
      });
      await expect(graph.list({ path: '/1/message_templates', item: Item, maxPages: 3 })).rejects.toMatchObject({ code: 'meta.tooManyPages', params: { maxPages: 3 } });
      expect(calls).toHaveLength(3);
    });

    it('fail the whole list when a page fails, so a part is never taken for the whole', async () => {
      let n = 0;
      const { graph } = client(async () => {
        n += 1;
        return n === 1 ? reply(200, page(['1'], 'c1', true)) : reply(400, JSON.stringify({ error: { code: 100 } }));
      });
      await expect(graph.list({ path: '/1/phone_numbers', item: Item })).rejects.toMatchObject({ code: 'meta.invalidRequest' });
    });
  });
});
