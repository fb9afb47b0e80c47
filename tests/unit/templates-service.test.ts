import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIRST_INTERVAL_MS } from '../../main/status/cadence';
import { bench, closeBench, openBench, WABA } from './helpers/status-bench';

/**
 * Step 5's reading of the templates: the whole list, kept with the status checks' snapshot, so a
 * template's review is told once whichever read saw it first.
 */

beforeEach(openBench);
afterEach(closeBench);

describe('templates', () => {
  it('are read whole from the chosen account, with the rejected one and why', async () => {
    const app = bench();
    expect(app.templates.get()).toEqual({ workspaceId: expect.any(String), wabaId: WABA, templates: null });
    const state = await app.templates.refresh();
    expect(app.callsSince()).toEqual([{ method: 'GET', path: `/${WABA}/message_templates` }]);
    expect(state.templates?.readAt).toBe('2026-03-02T09:00:00.000Z');
    expect(state.templates?.value.map((template) => [template.name, template.language, template.status, template.category, template.rejectedReason])).toEqual([
      ['hello_world', 'en_US', 'APPROVED', 'UTILITY', null],
      ['suivi_commande', 'fr', 'APPROVED', 'UTILITY', null],
      ['rappel_rendez_vous', 'fr', 'PENDING', 'UTILITY', null],
      ['black_friday_promo', 'en_US', 'REJECTED', 'UTILITY', 'INCORRECT_CATEGORY'],
      ['login_code', 'en_US', 'PAUSED', 'AUTHENTICATION', null],
      ['old_newsletter', 'fr', 'DISABLED', 'MARKETING', null],
    ]);
    expect(app.events.filter(({ event }) => event === 'templates:changed')).toHaveLength(1);
  });

  it('tell a review change once, whether step 5 or the background check saw it first', async () => {
    const app = bench();
    app.status.update();
    await app.settled();
    app.simulator.setTemplateStatus('500000000000003', 'APPROVED');
    await app.templates.refresh();
    expect(app.shown.map((notification) => notification.body)).toEqual(['rappel_rendez_vous (fr): Pending \u2192 Approved.']);
    app.clock.advance(FIRST_INTERVAL_MS);
    await app.settled();
    expect(app.shown).toHaveLength(1);
    expect(app.status.notifications()).toEqual([expect.objectContaining({ kind: 'templateStatusChanged', templateName: 'rappel_rendez_vous', from: 'PENDING', to: 'APPROVED' })]);
  });

  it('keep the last reading when a read fails, and hold every call while Meta throttles', async () => {
    const app = bench();
    app.status.update();
    await app.settled();
    app.callsSince();
    app.simulator.faults.arm('rateLimit', { minutes: 5 });
    await expect(app.templates.refresh()).rejects.toMatchObject({ code: 'meta.rateLimited', params: { retryAfterMinutes: 5 } });
    expect(app.templates.get().templates?.value).toHaveLength(6);
    expect(app.board().polling).toMatchObject({ state: 'paused', reason: 'rateLimited', resumesAt: '2026-03-02T09:05:00.000Z' });
    app.callsSince();
    await expect(app.templates.refresh()).rejects.toMatchObject({ code: 'meta.rateLimited' });
    app.clock.advance(FIRST_INTERVAL_MS);
    expect(app.callsSince()).toEqual([]);
  });

  it('are not read without an account chosen in step 2', async () => {
    const app = bench({ wabaId: null });
    await expect(app.templates.refresh()).rejects.toMatchObject({ code: 'meta.account.noSelection' });
    expect(app.callsSince()).toEqual([]);
  });
});
