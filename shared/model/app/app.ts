import * as z from 'zod';
import { ErrorParams } from '../../errors/index';
import { Language, Mode } from '../settings/settings';

/** What the renderer needs to know about the running app; no paths, no secrets. */
export const AppInfo = z.strictObject({
  name: z.string(),
  version: z.string(),
  /** Effective mode: sandbox whenever no Facebook App ID is configured. */
  mode: Mode,
  /** The OS language mapped onto the ones the UI ships; first start follows it. */
  osLanguage: Language,
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/**
 * Something main wants the admin to know about that happened outside any call, such as a store
 * file that could not be read and was set aside. Translated from `notices.<code>`.
 */
export const NOTICE_CODES = ['store.quarantined', 'store.migrated', 'store.newerVersion', 'store.memoryOnly', 'store.unsaved', 'store.damagedLocked', 'vault.undecryptable', 'vault.notRemembered', 'meta.session.revokeFailed'] as const;
export const Notice = z.strictObject({
  id: z.string(),
  code: z.enum(NOTICE_CODES),
  params: ErrorParams,
  severity: z.enum(['info', 'warning', 'error']),
  at: z.iso.datetime(),
});
export type Notice = z.infer<typeof Notice>;

export const ExternalLink = z.strictObject({ url: z.url({ protocol: /^https$/ }) });
