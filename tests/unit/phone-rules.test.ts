import { describe, expect, it } from 'vitest';
import { analysePhone, callingCodeOf, isPhoneCountry, type CountryCode, type PhoneAnalysis, type PhoneOk } from '../../shared/rules/phone';

/** The analysis of a number the rules must accept; fails the test with what they said instead. */
function accepted(input: string, country: CountryCode | null = null): PhoneOk {
  const analysis: PhoneAnalysis = analysePhone(input, country);
  if (!analysis.ok) throw new Error(`${input} refused: ${analysis.problem}`);
  return analysis;
}

function problemOf(input: string, country: CountryCode | null = null): string {
  const analysis = analysePhone(input, country);
  return analysis.ok ? `accepted as ${analysis.e164}` : analysis.problem;
}

describe('phone rules (libphonenumber-js/max)', () => {
  describe('France', () => {
    it('reads a mobile as Meta takes it: cc 33, national 748111524, SMS or voice', () => {
      expect(accepted('+33 7 48 11 15 24')).toEqual({
        ok: true,
        e164: '+33748111524',
        cc: '33',
        national: '748111524',
        international: '+33 7 48 11 15 24',
        country: 'FR',
        kind: 'mobile',
        codeMethods: ['SMS', 'VOICE'],
        warning: null,
      });
    });

    it('offers only a voice call for a landline, without a warning', () => {
      const landline = accepted('+33 1 84 88 00 42');
      expect([landline.kind, landline.codeMethods, landline.warning]).toEqual(['fixedLine', ['VOICE'], null]);
    });

    it('warns about a toll-free 0800 number typed nationally, and offers voice only', () => {
      const tollFree = accepted('0800 123 456', 'FR');
      expect([tollFree.e164, tollFree.kind, tollFree.codeMethods, tollFree.warning]).toEqual(['+33800123456', 'tollFree', ['VOICE'], 'checkProvider']);
    });

    it('recommends no method for a shared-cost 0810 number', () => {
      const shared = accepted('+33 810 12 34 56');
      expect([shared.kind, shared.codeMethods, shared.warning]).toEqual(['sharedCost', [], 'noMethodRecommended']);
    });

    it('warns about a premium-rate 0899 number', () => {
      const premium = accepted('+33 899 12 34 56');
      expect([premium.kind, premium.codeMethods, premium.warning]).toEqual(['premiumRate', ['VOICE'], 'checkProvider']);
    });
  });

  describe('United States, Brazil, India, Germany', () => {
    it('says a US number may be a mobile or a landline (the plan cannot tell), and offers both', () => {
      const us = accepted('+1 614 555 1234');
      expect([us.e164, us.kind, us.codeMethods, us.warning]).toEqual(['+16145551234', 'fixedLineOrMobile', ['SMS', 'VOICE'], 'mobileOrFixed']);
    });

    it('reads a US 1-800 number as toll-free', () => {
      expect(accepted('+1 800 555 1234').kind).toBe('tollFree');
    });

    it('tells a Brazilian mobile from a landline', () => {
      expect([accepted('+55 11 91234 5678').kind, accepted('+55 11 91234 5678').national]).toEqual(['mobile', '11912345678']);
      expect(accepted('+55 11 3123 4567').kind).toBe('fixedLine');
    });

    it('tells an Indian mobile from a landline', () => {
      expect(accepted('+91 98765 43210').kind).toBe('mobile');
      expect(accepted('+91 11 2345 6789').kind).toBe('fixedLine');
    });

    it('tells German mobiles, landlines and shared-cost 0180 numbers apart', () => {
      expect(accepted('+49 1512 3456789').kind).toBe('mobile');
      expect(accepted('+49 30 12345678').kind).toBe('fixedLine');
      expect(accepted('+49 180 1234567').kind).toBe('sharedCost');
    });

    it('warns about a UK universal access (03) number', () => {
      const uan = accepted('+44 300 123 4567');
      expect([uan.kind, uan.codeMethods, uan.warning]).toEqual(['uan', ['VOICE'], 'checkProvider']);
    });
  });

  describe('what people type', () => {
    it('gives +33748111524 for spaces, dots, dashes, (0), 00 and the manual\'s own "+33 07 …"', () => {
      for (const typed of ['+33 7 48 11 15 24', '+33.7.48.11.15.24', '+33-7-48-11-15-24', '+33 (0)7 48 11 15 24', '0033 7 48 11 15 24', '0033748111524', '+33 07 48 11 15 24', ' 07 48 11 15 24 ']) {
        expect(accepted(typed, 'FR').e164, typed).toBe('+33748111524');
      }
    });

    it('lets a number typed with + or 00 name its own country over the one picked', () => {
      expect(accepted('0033 7 48 11 15 24', 'US').country).toBe('FR');
      expect(accepted('00 55 11 91234 5678', 'US').e164).toBe('+5511912345678');
      expect(accepted('+49 30 12345678', 'FR').country).toBe('DE');
    });

    it('reads a national number in the country picked', () => {
      expect(accepted('07 48 11 15 24', 'FR').e164).toBe('+33748111524');
      expect(accepted('(614) 555-1234', 'US').e164).toBe('+16145551234');
    });

    it('asks for a country when a national number comes without one', () => {
      expect(problemOf('07 48 11 15 24', null)).toBe('needsCountry');
    });
  });

  describe('refusals', () => {
    it('refuses short codes: 36 15 in France, 22222 in the US, 1234 in Germany', () => {
      expect(problemOf('36 15', 'FR')).toBe('shortCode');
      expect(problemOf('22222', 'US')).toBe('shortCode');
      expect(problemOf('1234', 'DE')).toBe('shortCode');
    });

    it('says a French mobile missing digits is too short, and one with a digit too many too long', () => {
      expect(problemOf('+33 6 12 34 56')).toBe('tooShort');
      expect(problemOf('+33 6 12 34 56 78 9')).toBe('tooLong');
    });

    it('refuses an Italian landline (national number starting with 0) instead of guessing how Meta wants it', () => {
      expect(problemOf('+39 06 1234 5678')).toBe('leadingZero');
      // An Italian mobile has no leading 0 and passes.
      expect(accepted('+39 312 345 6789').national).toBe('3123456789');
    });

    it('refuses letters, empty input and input longer than any number', () => {
      expect(problemOf('abc', 'FR')).toBe('notANumber');
      expect(problemOf('+33 6 12 34 56 7a')).toBe('notANumber');
      expect(problemOf('   ', 'FR')).toBe('empty');
      expect(problemOf(`+33 ${'1'.repeat(45)}`)).toBe('notANumber');
    });

    it('never accepts a national number Meta\'s API pattern refuses', () => {
      const meta = /^[1-9][0-9]{6,14}$/;
      for (const typed of ['+33 7 48 11 15 24', '+1 614 555 1234', '+55 11 91234 5678', '+49 30 12345678', '+91 98765 43210', '+44 300 123 4567']) {
        expect(accepted(typed).national, typed).toMatch(meta);
        expect(accepted(typed).cc, typed).toMatch(/^[0-9]{1,3}$/);
      }
    });
  });

  it('knows countries by their ISO code, with their calling code', () => {
    expect(isPhoneCountry('FR')).toBe(true);
    expect(isPhoneCountry('XX')).toBe(false);
    expect(callingCodeOf('FR')).toBe('33');
    expect(callingCodeOf('US')).toBe('1');
  });
});
