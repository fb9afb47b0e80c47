import { describe, expect, it } from 'vitest';
import { hostOf, isOnOrigin, sameOrigin, sameOriginAndPath } from '../../main/platform/url-rules';

describe('URL rules', () => {
  it('compare origins parsed, so a lookalike host or a port is another origin', () => {
    expect(sameOrigin('https://www.facebook.com/x?y#z', 'https://www.facebook.com')).toBe(true);
    expect(sameOrigin('https://www.facebook.com.evil.example/', 'https://www.facebook.com')).toBe(false);
    expect(sameOrigin('https://www.facebook.com:444/', 'https://www.facebook.com')).toBe(false);
    expect(sameOrigin('http://www.facebook.com/', 'https://www.facebook.com')).toBe(false);
    expect(sameOrigin('not a url', 'https://www.facebook.com')).toBe(false);
  });

  it('refuse a URL carrying credentials, whatever its host', () => {
    expect(sameOrigin('https://user:pass@www.facebook.com/', 'https://www.facebook.com')).toBe(false);
    expect(sameOriginAndPath('https://x@www.facebook.com/connect/login_success.html', 'https://www.facebook.com/connect/login_success.html')).toBe(false);
  });

  it('tell custom-scheme hosts apart, though their origins are all "null"', () => {
    expect(new URL('app://renderer/').origin).toBe(new URL('app://other/').origin);
    expect(sameOrigin('app://renderer/index.html', 'app://renderer')).toBe(true);
    expect(sameOrigin('app://other/index.html', 'app://renderer')).toBe(false);
  });

  it('match a redirect by path too, since the dialog lives on the same host', () => {
    const redirect = 'https://www.facebook.com/connect/login_success.html';
    expect(sameOriginAndPath(`${redirect}#access_token=x`, redirect)).toBe(true);
    expect(sameOriginAndPath('https://www.facebook.com/v26.0/dialog/oauth', redirect)).toBe(false);
    expect(sameOriginAndPath('https://www.facebook.com/connect/login_success.html.evil', redirect)).toBe(false);
  });

  it('check a URL against a list of origins, and name a host for messages', () => {
    expect(isOnOrigin('http://127.0.0.1:4321/sandbox/phone', ['http://127.0.0.1:4321'])).toBe(true);
    expect(isOnOrigin('http://127.0.0.1:4322/sandbox/phone', ['http://127.0.0.1:4321'])).toBe(false);
    expect(hostOf('https://evil.example/path')).toBe('evil.example');
    expect(hostOf('::')).toBe('');
  });
});
