/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}

/**
 * The headers of every simulator page.
 *
 * SECURITY: no script at all, styles only from the host's own files, forms only to the host
 * (and to the app's redirect URI when a login ends there), never framed: a page that looks like
 * a login page must not be scriptable or embeddable by anything else.
 *
 * No `Referrer-Policy: no-referrer`: under it Chromium sends `Origin: null` on the pages' own
 * form posts, which the cross-site rule then refuses.
 */
export function pageHeaders(formTargets: readonly string[] = []): Record<string, string> {
  const targets = ["'self'", ...formTargets].join(' ');
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': `default-src 'none'; style-src 'self'; img-src 'self'; form-action ${targets}; base-uri 'none'; frame-ancestors 'none'`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}

/**
 * The skeleton every simulator page shares: language, title, stylesheet, banner, content.
 *
 * One place, so every page declares its language (screen readers) and none can forget the
 * banner that says it is a simulator. `banner` is HTML the caller has already escaped.
 */
export function htmlPage(page: { language: string; title: string; stylesheet: string; banner: string; body: string }): string {
  return `<!doctype html>
<html lang="${escapeHtml(page.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<link rel="stylesheet" href="${escapeHtml(page.stylesheet)}">
</head>
<body>
<header class="banner">${page.banner}</header>
<main>
${page.body}
</main>
</body>
</html>`;
}
