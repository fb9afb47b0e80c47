import { createDOMRenderer, type GriffelRenderer } from '@fluentui/react-components';

/**
 * Fluent UI's style engine, tagged with this page load's CSP nonce.
 *
 * The page is served with `style-src 'self' 'nonce-…'` and no 'unsafe-inline': the server
 * writes a fresh nonce into `<meta property="csp-nonce">`, and every <style> element Griffel
 * inserts carries it. Browsers hide the attribute's value from the DOM, so it is read from the
 * `nonce` property.
 */
export function createStylesRenderer(doc: Document): GriffelRenderer {
  const meta = doc.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  const nonce = meta?.nonce || meta?.getAttribute('nonce') || '';
  return createDOMRenderer(doc, nonce ? { styleElementAttributes: { nonce } } : {});
}
