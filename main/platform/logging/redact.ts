/**
 * Scrubs secrets from anything about to be logged.
 *
 * Tokens must never reach a log file: keys that name secrets are masked whatever their value,
 * and strings are scanned for the shapes tokens take in URLs, headers and Meta's own format.
 */
const SECRET_KEYS = /^(access_?token|token|refresh_?token|id_?token|code|code_?verifier|client_?secret|secret|password|pin|authorization|cookie|ciphertext)$/i;

const PATTERNS: [RegExp, string][] = [
  [/(access_token|refresh_token|id_token|code|code_verifier|client_secret|token)=([^&#\s"']+)/gi, '$1=[redacted]'],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]'],
  [/\bEAA[A-Za-z0-9]{16,}/g, '[redacted-token]'],
  [/\b[A-Za-z0-9_-]{40,}\b/g, '[redacted]'],
];

export function redactText(text: string): string {
  return PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_KEYS.test(key) ? '[redacted]' : redact(inner, depth + 1);
  }
  return out;
}
