import { mergeCatalogs, type Catalog } from '../catalogs';

/**
 * Every English area file, merged: one chunk, loaded only when the app speaks English.
 *
 * Picked up by name, so a new area's `en/<area>.json` needs no line here; its keys are typed
 * once `../resources.ts` lists it.
 */
export const catalog: Catalog = mergeCatalogs(Object.values(import.meta.glob<Catalog>('./*.json', { eager: true, import: 'default' })));
