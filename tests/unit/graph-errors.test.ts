import { describe, expect, it } from 'vitest';
import { estimatedWait, graphError, USER_TEXT_MAX } from '../../main/meta/graph/errors';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const meta = (status: number, error: Record<string, unknown>, usage: string | null = null) => graphError(status, { error }, usage, NOW);

describe('Graph error table', () => {
  it.each([
    // The onboarding refusals DOMAIN.md lists, each with its own next action.
    [400, { code: 100, error_subcode: 2388001 }, 'meta.number.alreadyOnWhatsApp'],
    [400, { code: 136025, error_subcode: 2388093 }, 'meta.number.wrongCode'],
    [400, { code: 136025 }, 'meta.number.wrongCode'],
    [400, { code: 136024, error_subcode: 2388091 }, 'meta.number.tooManyCodeRequests'],
    [400, { code: 136024 }, 'meta.number.tooManyCodeRequests'],
    [400, { code: 133005 }, 'meta.number.pinMismatch'],
    [400, { code: 133008 }, 'meta.number.tooManyPinGuesses'],
    [400, { code: 133006 }, 'meta.number.verifyAgain'],
    [400, { code: 133010 }, 'meta.number.notRegistered'],
    [400, { code: 133015 }, 'meta.number.recentlyDeleted'],
    [400, { code: 133016 }, 'meta.number.registerLimit'],
    // Families.
    [401, { code: 190, error_subcode: 463 }, 'meta.session.expired'],
    [400, { code: 102 }, 'meta.session.expired'],
    [400, { code: 4 }, 'meta.rateLimited'],
    [400, { code: 130429 }, 'meta.rateLimited'],
    [429, {}, 'meta.rateLimited'],
    [400, { code: 1 }, 'meta.transient'],
    [400, { code: 133004 }, 'meta.transient'],
    [400, { code: 99, is_transient: true }, 'meta.transient'],
    [503, { code: 99 }, 'meta.transient'],
    [403, { code: 10 }, 'meta.permission'],
    [403, { code: 294 }, 'meta.permission'],
    [400, { code: 100 }, 'meta.invalidRequest'],
    [400, { code: 12345 }, 'meta.invalidRequest'],
    [409, { code: 12345 }, 'meta.unknown'],
  ])('maps HTTP %i %j to %s', (status, error, code) => {
    expect(meta(status, error).code).toBe(code);
  });

  it('puts the specific onboarding codes before the families they also belong to', () => {
    // 133016 is a 400 with is_transient unset; a transient flag must not turn a 72-hour block into a retry.
    expect(meta(400, { code: 133016, is_transient: true }).code).toBe('meta.number.registerLimit');
    expect(meta(500, { code: 136025, error_subcode: 2388093 }).code).toBe('meta.number.wrongCode');
  });

  it('keeps the numbers support needs', () => {
    expect(meta(400, { code: 136025, error_subcode: 2388093, fbtrace_id: 'AZ9' }).params).toEqual({ status: 400, graphCode: 136025, subcode: 2388093, traceId: 'AZ9' });
  });

  it('says when a recently deleted number may be registered: five minutes after Meta\'s answer', () => {
    expect(meta(400, { code: 133015 }).params.retryAt).toBe('2026-03-02T10:05:00.000Z');
  });

  it('reads the longest wait of X-Business-Use-Case-Usage into retryAfterMinutes and retryAt', () => {
    const usage = JSON.stringify({ '111': [{ estimated_time_to_regain_access: 3 }], '222': [{ estimated_time_to_regain_access: 7 }, { call_count: 90 }] });
    expect(meta(400, { code: 80007 }, usage).params).toMatchObject({ retryAfterMinutes: 7, retryAt: '2026-03-02T10:07:00.000Z' });
    expect(meta(429, {}, usage).params).toMatchObject({ retryAfterMinutes: 7 });
    expect(meta(400, { code: 80007 }, 'not json').params.retryAt).toBeUndefined();
  });

  it('ignores a usage header it cannot read instead of failing', () => {
    expect(estimatedWait(null)).toBeNull();
    expect(estimatedWait('[1,2]')).toBeNull();
    expect(estimatedWait('{"1":"x"}')).toBeNull();
    expect(estimatedWait('{"1":[{"estimated_time_to_regain_access":-4}]}')).toBeNull();
    expect(estimatedWait('{"1":[{"estimated_time_to_regain_access":0}]}')).toBe(0);
  });

  it('keeps error_user_title and error_user_msg, on one line and capped, and drops message', () => {
    const error = meta(400, { code: 133005, message: 'PIN mismatch (developer text)', error_user_title: 'Two-step\nverification PIN mismatch', error_user_msg: 'y'.repeat(USER_TEXT_MAX + 50) });
    expect(error.params.userTitle).toBe('Two-step verification PIN mismatch');
    expect(error.params.userMessage).toBe('y'.repeat(USER_TEXT_MAX));
    expect(JSON.stringify(error.params)).not.toContain('developer text');
    expect(meta(400, { code: 133005, error_user_title: '  ', error_user_msg: 42 }).params).not.toHaveProperty('userTitle');
  });

  it('maps an answer without a Graph error body by its status alone', () => {
    expect(graphError(400, null, null, NOW).code).toBe('meta.invalidRequest');
    expect(graphError(418, null, null, NOW)).toMatchObject({ code: 'meta.unknown', params: { status: 418 } });
  });
});
