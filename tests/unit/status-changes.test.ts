import { describe, expect, it } from 'vitest';
import type { PhoneNumberReading } from '../../shared/model/meta/account';
import type { TemplateReading } from '../../shared/model/templates/templates';
import { numberChanges, templateChanges } from '../../main/status/changes';
import { notificationText } from '../../main/status/notification-text';

/** What the status checks tell, reading to reading: the table of changes the admin is notified of. */

const number = (fields: Partial<PhoneNumberReading> = {}): PhoneNumberReading => ({
  id: '400000000000002',
  displayPhoneNumber: '+33 1 84 88 00 42',
  verifiedName: 'Contoso Ventes',
  nameStatus: 'PENDING_REVIEW',
  status: 'PENDING',
  qualityRating: 'NA',
  messagingLimit: 'TIER_250',
  throughputLevel: 'NOT_APPLICABLE',
  platformType: 'NOT_APPLICABLE',
  codeVerificationStatus: 'NOT_VERIFIED',
  accountMode: 'LIVE',
  ...fields,
});

const template = (fields: Partial<TemplateReading> = {}): TemplateReading => ({
  id: '500000000000003',
  name: 'rappel_rendez_vous',
  language: 'fr',
  status: 'PENDING',
  category: 'UTILITY',
  qualityScore: null,
  rejectedReason: null,
  ...fields,
});

describe('changes between two readings of the numbers', () => {
  it('tells nothing on the first reading of an account, however it looks', () => {
    expect(numberChanges(null, [number({ nameStatus: 'DECLINED', status: 'FLAGGED', qualityRating: 'RED' })])).toEqual([]);
  });

  it.each([
    ['PENDING_REVIEW', 'APPROVED', 'nameApproved'],
    ['PENDING_REVIEW', 'DECLINED', 'nameDeclined'],
    ['APPROVED', 'PENDING_REVIEW', 'nameStatusChanged'],
    ['PENDING_REVIEW', 'EXPIRED', 'nameStatusChanged'],
    ['NONE', 'SOMETHING_NEW', 'nameStatusChanged'],
  ])('names a display name review going from %s to %s as %s', (from, to, kind) => {
    expect(numberChanges([number({ nameStatus: from })], [number({ nameStatus: to })])).toEqual([
      { kind, phoneNumberId: '400000000000002', displayPhoneNumber: '+33 1 84 88 00 42', displayName: 'Contoso Ventes', templateName: null, language: null, from, to },
    ]);
  });

  it('tells a status and a quality rating change of the same reading as two changes', () => {
    const changes = numberChanges([number({ status: 'CONNECTED', qualityRating: 'GREEN' })], [number({ status: 'FLAGGED', qualityRating: 'YELLOW' })]);
    expect(changes.map(({ kind, from, to }) => ({ kind, from, to }))).toEqual([
      { kind: 'statusChanged', from: 'CONNECTED', to: 'FLAGGED' },
      { kind: 'qualityChanged', from: 'GREEN', to: 'YELLOW' },
    ]);
  });

  it('stays quiet about what is not a review, status or quality (limit, throughput, platform), and about a value Meta stopped sending', () => {
    const before = [number({ status: 'CONNECTED' })];
    expect(numberChanges(before, [number({ status: 'CONNECTED', messagingLimit: 'TIER_2K', throughputLevel: 'STANDARD', platformType: 'CLOUD_API' })])).toEqual([]);
    expect(numberChanges(before, [number({ status: null })])).toEqual([]);
  });

  it('tells a value Meta starts sending', () => {
    expect(numberChanges([number({ qualityRating: null })], [number({ qualityRating: 'GREEN' })])).toEqual([expect.objectContaining({ kind: 'qualityChanged', from: null, to: 'GREEN' })]);
  });

  it('does not tell a number that appears or disappears (step 2 lists them)', () => {
    const other = number({ id: '400000000000003', displayPhoneNumber: '+33 6 00 00 00 00' });
    expect(numberChanges([number()], [number(), other])).toEqual([]);
    expect(numberChanges([number(), other], [other])).toEqual([]);
  });
});

describe('changes between two readings of the templates', () => {
  it('tells a template whose review moved, with its name and language', () => {
    expect(templateChanges([template()], [template({ status: 'REJECTED', rejectedReason: 'INCORRECT_CATEGORY' })])).toEqual([
      { kind: 'templateStatusChanged', phoneNumberId: null, displayPhoneNumber: null, displayName: null, templateName: 'rappel_rendez_vous', language: 'fr', from: 'PENDING', to: 'REJECTED' },
    ]);
  });

  it('tells nothing on the first reading, nor for a template that only changed category or quality, nor for a new one', () => {
    expect(templateChanges(null, [template({ status: 'REJECTED' })])).toEqual([]);
    expect(templateChanges([template()], [template({ category: 'MARKETING', qualityScore: 'RED' })])).toEqual([]);
    expect(templateChanges([], [template()])).toEqual([]);
  });
});

describe('the words of a desktop notification', () => {
  it('names the number and the approved name, in English and in French', () => {
    const [approved] = numberChanges([number()], [number({ nameStatus: 'APPROVED' })]);
    expect(notificationText(approved!, 'en')).toEqual({ title: 'Display name approved', body: '+33 1 84 88 00 42: Meta approved the display name \u201cContoso Ventes\u201d.' });
    expect(notificationText(approved!, 'fr')).toEqual({ title: 'Nom d\u2019affichage approuvé', body: '+33 1 84 88 00 42\u00a0: Meta a approuvé le nom d\u2019affichage «\u00a0Contoso Ventes\u00a0».' });
  });

  it('words the values a status moved between, and shows a value it does not know as Meta wrote it', () => {
    const [status] = numberChanges([number({ status: 'CONNECTED' })], [number({ status: 'BRAND_NEW_STATE' })]);
    expect(notificationText(status!, 'en').body).toBe('+33 1 84 88 00 42: Connected \u2192 BRAND_NEW_STATE.');
    const [rejected] = templateChanges([template()], [template({ status: 'REJECTED' })]);
    expect(notificationText(rejected!, 'fr')).toEqual({ title: 'État du modèle de message modifié', body: 'rappel_rendez_vous (fr)\u00a0: En attente \u2192 Refusé.' });
  });
});
