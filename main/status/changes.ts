import type { PhoneNumberReading } from '../../shared/model/meta/account';
import type { StatusNotification } from '../../shared/model/status/status';
import type { TemplateReading } from '../../shared/model/templates/templates';

/** A change found between two readings: a notification before it gets its id, time and read flag. */
export type StatusChange = Omit<StatusNotification, 'id' | 'at' | 'read'>;

/**
 * What changed on the account's numbers between the previous reading and this one.
 *
 * Told: a display name's review (`name_status`: APPROVED and DECLINED by name, any other move
 * as a change of review), a number's `status` and its `quality_rating`. A number seen for the
 * first time, or gone, tells nothing: step 2 shows it. A value Meta stopped sending (null) is not
 * a change either: it says nothing about the number.
 *
 * `previous` null is the first reading of the account: it tells nothing, or every admin would be
 * told the whole account on their first look.
 */
export function numberChanges(previous: readonly PhoneNumberReading[] | null, next: readonly PhoneNumberReading[]): StatusChange[] {
  if (previous === null) return [];
  const before = new Map(previous.map((number) => [number.id, number]));
  const changes: StatusChange[] = [];
  for (const number of next) {
    const old = before.get(number.id);
    if (!old) continue;
    const base = {
      phoneNumberId: number.id,
      displayPhoneNumber: number.displayPhoneNumber,
      displayName: number.verifiedName,
      templateName: null,
      language: null,
    };
    if (moved(old.nameStatus, number.nameStatus)) {
      const kind = number.nameStatus === 'APPROVED' ? 'nameApproved' : number.nameStatus === 'DECLINED' ? 'nameDeclined' : 'nameStatusChanged';
      changes.push({ ...base, kind, from: old.nameStatus, to: number.nameStatus });
    }
    if (moved(old.status, number.status)) changes.push({ ...base, kind: 'statusChanged', from: old.status, to: number.status });
    if (moved(old.qualityRating, number.qualityRating)) changes.push({ ...base, kind: 'qualityChanged', from: old.qualityRating, to: number.qualityRating });
  }
  return changes;
}

/**
 * What changed in the templates' review (`status`) between two readings; `previous` null (never
 * read) tells nothing. New and deleted templates are not told: step 5 lists them.
 */
export function templateChanges(previous: readonly TemplateReading[] | null, next: readonly TemplateReading[]): StatusChange[] {
  if (previous === null) return [];
  const before = new Map(previous.map((template) => [template.id, template]));
  const changes: StatusChange[] = [];
  for (const template of next) {
    const old = before.get(template.id);
    if (!old || !moved(old.status, template.status)) continue;
    changes.push({
      kind: 'templateStatusChanged',
      phoneNumberId: null,
      displayPhoneNumber: null,
      displayName: null,
      templateName: template.name,
      language: template.language,
      from: old.status,
      to: template.status,
    });
  }
  return changes;
}

/** A value that now says something else; a value that went missing has not moved. */
function moved(before: string | null, after: string | null): boolean {
  return after !== null && before !== after;
}
