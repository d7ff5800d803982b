import { describe, expect, it } from 'vitest';
import { parseSavedUrl } from './url';

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { extensions?: { code?: string; field?: string } }).extensions;
  }
  throw new Error('expected an error');
};

describe('parseSavedUrl', () => {
  it('normalizes host case, default port, fragment, trailing slash and tracking parameters', () => {
    expect(
      parseSavedUrl(
        'https://WWW.Example.COM:443/Path/?utm_source=x&utm_medium=y&b=2&a=1&fbclid=z&gclid=q#section',
      ).normalizedUrl,
    ).toBe('https://www.example.com/Path?a=1&b=2');
    expect(parseSavedUrl('http://example.com:80').normalizedUrl).toBe('http://example.com');
  });

  it('keeps the URL as saved beside its dedupe key', () => {
    const saved = parseSavedUrl('  https://example.com/a?utm_campaign=c  ');
    expect(saved.url).toBe('https://example.com/a?utm_campaign=c');
    expect(saved.normalizedUrl).toBe('https://example.com/a');
  });

  it.each([
    ['ftp://example.com/file', 'only http and https'],
    ['javascript:alert(1)', 'only http and https'],
    ['not a url', 'spaces or control characters'],
    ['/relative/path', 'not a valid absolute URL'],
    ['https://user:pass@example.com/', 'credentials'],
    ['https://user@example.com/', 'credentials'],
    ['', 'required'],
    [`https://example.com/${'a'.repeat(2048)}`, 'at most 2048'],
  ])('refuses %s', (url, message) => {
    expect(fieldOf(() => parseSavedUrl(url))).toEqual({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(() => parseSavedUrl(url)).toThrow(message);
  });
});
