import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { MetaLoginWindow, LoginWindowRequest } from '../../main/meta/session/login-window';
import { createServices } from '../../main/core/create-services';
import { createNodeAdapters } from '../../main/core/node-adapters';
import { startMetaSimulator, type MetaSimulator } from '../../main/simulators/meta';

let simulator: MetaSimulator;
beforeEach(async () => {
  simulator = await startMetaSimulator();
});
afterEach(async () => {
  await simulator.close();
});

/**
 * A login window that clicks through the simulator's dialog with plain HTTP, as Camille, ticking
 * every permission, and hands back the redirect it was sent to.
 */
const clickThrough: MetaLoginWindow = {
  async open(request: LoginWindowRequest) {
    const dialog = await fetch(request.url);
    expect(dialog.status).toBe(200);
    const q = new URL(request.url).search.slice(1);
    const post = (path: string, fields: [string, string][]) =>
      fetch(`${simulator.origin}${path}`, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    let answer = await post('/sandbox/login', [['q', q], ['action', 'choose'], ['person', '10001']]);
    if (answer.status === 200) {
      answer = await post('/sandbox/consent', [['q', q], ['person', '10001'], ['action', 'continue'], ['grant', 'business_management'], ['grant', 'whatsapp_business_management'], ['grant', 'whatsapp_business_messaging']]);
    }
    return { kind: 'redirect', url: answer.headers.get('location') ?? '' };
  },
  clearPartition: async () => undefined,
};

function start() {
  const adapters = createNodeAdapters({ dataDir: mkdtempSync(join(tmpdir(), 'wcsa-auth-sandbox-')), locale: 'en', loginWindow: clickThrough, metaSimulator: async () => simulator });
  return createServices(adapters);
}

/** "Log in with Facebook" as the renderer runs it: a long operation, awaited to its end. */
async function login(services: ReturnType<typeof start>) {
  const id = randomUUID();
  await services.handlers['operations:start']({ id, operation: 'meta:login', input: { kind: 'login' } });
  const final = await services.operations.settled(id);
  if (final?.state !== 'succeeded') throw Object.assign(new Error('login failed'), final?.error);
  return final.result;
}

describe('login against the Meta simulator', () => {
  it('connects with the token flow and then calls Graph on the admin\'s behalf', async () => {
    const services = start();
    await expect(login(services)).resolves.toMatchObject({ connected: true, name: 'Camille Martin', scopesMissing: [] });
    const graph = await services.session.graph();
    const phones = await graph.get({ path: '/300000000000001/phone_numbers', schema: z.object({ data: z.array(z.object({ verified_name: z.string() })) }) });
    expect(phones.data.map((phone) => phone.verified_name)).toEqual(['Contoso Support', 'Contoso Ventes']);
  });

  it('connects with the PKCE code flow, exchanging the code without any secret', async () => {
    const services = start();
    services.settings.set({ usePkce: true });
    await expect(login(services)).resolves.toMatchObject({ connected: true, name: 'Camille Martin' });
    expect([...simulator.world.codes.values()].every((code) => code.used)).toBe(true);
  });

  it('turns a token the simulator expired into a session to renew', async () => {
    const services = start();
    await login(services);
    simulator.faults.expireTokens();
    await expect(services.session.refresh()).rejects.toMatchObject({ code: 'meta.session.expired' });
    expect(services.session.status()).toMatchObject({ connected: false, needsLogin: true, name: 'Camille Martin' });
  });

  it('keeps the current session working when the simulator refuses the token of a new login', async () => {
    const services = start();
    await login(services);
    simulator.faults.arm('expireToken');
    await expect(login(services)).rejects.toMatchObject({ code: 'meta.session.loginRefused', params: { graphCode: 190, subcode: 463 } });
    expect(services.session.status()).toMatchObject({ connected: true, name: 'Camille Martin' });
    await expect(services.session.refresh()).resolves.toMatchObject({ connected: true, needsLogin: false });
  });
});
