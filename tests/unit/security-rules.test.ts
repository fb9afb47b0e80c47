import { describe, expect, it } from 'vitest';
import { redact, redactText } from '../../main/platform/logging/redact';
import { contentSecurityPolicy, securityHeaders } from '../../main/platform/security/csp';
import { isAllowedExternalUrl } from '../../main/platform/security/external-links';
import { isPermissionAllowed } from '../../main/platform/security/permissions';

describe('log redaction', () => {
  const token = 'EAAGm0PX4ZCpsBAKZCZAZDnotarealtoken1234';

  it('masks tokens in URLs, fragments, headers and Meta token shapes', () => {
    const text = [
      `https://graph.facebook.com/v26.0/me?access_token=${token}&fields=id`,
      `app://x/#access_token=${token}&state=abc`,
      `Authorization: Bearer ${token}`,
      `token is ${token}.`,
      'redirect?code=AQBx-very-secret-code&state=s',
    ].join('\n');
    const out = redactText(text);
    expect(out).not.toContain(token);
    expect(out).not.toContain('AQBx-very-secret-code');
    expect(out).toContain('fields=id');
    expect(out).toContain('state=abc');
  });

  it('masks secret-named keys whatever their value, at any depth', () => {
    const out = redact({ user: 'Camille', nested: { accessToken: 'short', list: [{ pin: '123456' }] }, Authorization: 'x' });
    expect(out).toEqual({ user: 'Camille', nested: { accessToken: '[redacted]', list: [{ pin: '[redacted]' }] }, Authorization: '[redacted]' });
  });

  it('leaves ordinary text alone', () => {
    expect(redactText('Opened step connect for business 1234567890')).toBe('Opened step connect for business 1234567890');
  });
});

describe('content security policy', () => {
  const CONTENT_SECURITY_POLICY = contentSecurityPolicy('bm9uY2U=');
  const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((part) => {
    const [name = '', ...values] = part.trim().split(/\s+/);
    return [name, values] as const;
  }));

  it('allows no inline or evaluated code and no network from the renderer', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(directives.get('style-src')).toEqual(["'self'", "'nonce-bm9uY2U='"]);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('is sent with the headers that stop sniffing and referrers', () => {
    const headers = securityHeaders('bm9uY2U=');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
  });
});

describe('external links', () => {
  it.each([
    'https://business.facebook.com/settings',
    'https://developers.facebook.com/apps/',
    'https://help.nicecxone.com/content/acd/digital/whatsapp/whatsapp.htm',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://business.facebook.com/',
    'https://business.facebook.com.evil.example/',
    'https://evil.example/?u=https://business.facebook.com',
    'https://user:pass@business.facebook.com/',
    'https://business.facebook.com:8443/',
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'smb://attacker/share',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('page permissions', () => {
  it('let the app page write plain text to the clipboard, and nothing else, for nobody else', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://renderer/index.html#/step/sla', 'app://renderer')).toBe(true);
    expect(isPermissionAllowed('clipboard-read', 'app://renderer/index.html', 'app://renderer')).toBe(false);
    expect(isPermissionAllowed('notifications', 'app://renderer/index.html', 'app://renderer')).toBe(false);
    expect(isPermissionAllowed('media', 'app://renderer/index.html', 'app://renderer')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://www.facebook.com/', 'app://renderer')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://other/index.html', 'app://renderer')).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', '', 'app://renderer')).toBe(false);
  });
});
