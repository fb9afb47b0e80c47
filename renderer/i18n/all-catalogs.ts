import type { Language } from '../../shared/model/settings/settings';
import type { Catalog } from './catalogs';
import { catalog as en } from './en/index';
import { catalog as fr } from './fr/index';

/**
 * Both languages at once, for what needs them side by side: the runbook (printed in either
 * language whatever the UI speaks) and the catalog tests. The running UI loads one language.
 */
export const CATALOGS: Record<Language, Catalog> = { en, fr };
