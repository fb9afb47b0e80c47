import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { AuthWindow, AuthWindowRequest } from '../../main/auth/auth-window';
import { createServices } from '../../main/create-services';
import { createNodeAdapters } from '../../main/node-adapters';
import { startSandbox, type Sandbox } from '../../main/sandbox';

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startSandbox();
});
afterEach(async () => {
  await sandbox.close();
});

/**
 * A login window that clicks through the sandbox's dialog with plain HTTP, as Camille, ticking
 * every permission, and hands back the redirect it was sent to.
 */
const clickThrough: AuthWindow = {
  async open(request: AuthWindowRequest) {
    const dialog = await fetch(request.url);
    expect(dialog.status).toBe(200);
    const q = new URL(request.url).search.slice(1);
    const post = (path: string, fields: [string, string][]) =>
      fetch(`${sandbox.origin}${path}`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    let answer = await post('/sandbox/login', [['q', q], ['action', 'choose'], ['person', '10001']]);
    if (answer.status === 200) {
      answer = await post('/sandbox/consent', [['q', q], ['person', '10001'], ['action', 'continue'], ['grant', 'business_management'], ['grant', 'whatsapp_business_management'], ['grant', 'whatsapp_business_messaging']]);
    }
    return { kind: 'redirect', url: answer.headers.get('location') ?? '' };
  },
  clearPartition: async () => undefined,
};

function start() {
  const adapters = createNodeAdapters({ dataDir: mkdtempSync(join(tmpdir(), 'wcsa-auth-sandbox-')), locale: 'en', authWindow: clickThrough, sandboxOrigin: async () => sandbox.origin });
  return createServices(adapters);
}

describe('login against the sandbox', () => {
  it('connects with the token flow and then calls Graph on the admin\'s behalf', async () => {
    const services = start();
    await expect(services.auth.login('login')).resolves.toMatchObject({ connected: true, name: 'Camille Martin', scopesMissing: [] });
    const graph = await services.auth.graph();
    const phones = await graph.get({ path: '/300000000000001/phone_numbers', schema: z.object({ data: z.array(z.object({ verified_name: z.string() })) }) });
    expect(phones.data.map((phone) => phone.verified_name)).toEqual(['Contoso Support', 'Contoso Ventes']);
  });

  it('connects with the PKCE code flow, exchanging the code without any secret', async () => {
    const services = start();
    services.settings.set({ usePkce: true });
    await expect(services.auth.login('login')).resolves.toMatchObject({ connected: true, name: 'Camille Martin' });
    expect([...sandbox.world.codes.values()].every((code) => code.used)).toBe(true);
  });

  it('turns a token the sandbox expired into a session to renew', async () => {
    const services = start();
    await services.auth.login('login');
    sandbox.faults.expireTokens();
    await expect(services.auth.refresh()).rejects.toMatchObject({ code: 'auth.sessionExpired' });
    expect(services.auth.status()).toMatchObject({ connected: false, needsLogin: true, name: 'Camille Martin' });
  });
});
