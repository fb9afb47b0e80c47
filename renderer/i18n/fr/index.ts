import { mergeCatalogs, type Catalog } from '../catalogs';

/**
 * Every French area file, merged: one chunk, loaded only when the app speaks French.
 *
 * Picked up by name, so a new area's `fr/<area>.json` needs no line here.
 */
export const catalog: Catalog = mergeCatalogs(Object.values(import.meta.glob<Catalog>('./*.json', { eager: true, import: 'default' })));
