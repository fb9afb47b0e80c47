
/** A catalog: nested objects whose leaves are messages. */
export type Catalog = { readonly [key: string]: string | Catalog };

/**
 * Merges one language's area files into the catalog i18next reads.
 *
 * Each area (shell, settings, meta, a step...) owns its file, so adding a feature adds a file
 * (`<language>/<area>.json`, picked up by each language's index) rather than editing a shared one. Two files may share a branch (`errors`), never a message:
 * a key defined twice throws, so one area cannot silently override another's words.
 */
export function mergeCatalogs(parts: readonly Catalog[]): Catalog {
  const merge = (into: Record<string, string | Catalog>, from: Catalog, path: string): Catalog => {
    for (const [key, value] of Object.entries(from)) {
      const at = path ? `${path}.${key}` : key;
      const existing = into[key];
      if (existing === undefined) into[key] = typeof value === 'string' ? value : merge({}, value, at);
      else if (typeof existing === 'string' || typeof value === 'string') throw new Error(`catalog key defined twice: ${at}`);
      else merge(existing as Record<string, string | Catalog>, value, at);
    }
    return into as Catalog;
  };
  const out: Record<string, string | Catalog> = {};
  for (const part of parts) merge(out, part, '');
  return out;
}
