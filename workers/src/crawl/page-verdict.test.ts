import { describe, expect, it } from 'vitest';
import type { CrawledPage } from './crawled-page';
import { untaggable } from './page-verdict';

const page = (title: string, text = 'A short page.', kind: CrawledPage['kind'] = 'PAGE'): CrawledPage => ({
  finalUrl: 'https://example.org/',
  contentType: 'text/html',
  kind,
  title,
  description: null,
  canonicalUrl: null,
  siteName: null,
  faviconUrl: null,
  imageUrl: null,
  author: null,
  publishedAt: null,
  language: 'en',
  excerpt: null,
  text,
  articleHtml: null,
  wordCount: null,
  readingMinutes: null,
  scripted: false,
  structured: { types: [], aggregateRating: null, reviews: [] },
});

describe('untaggable', () => {
  it('recognises bot challenges, login walls and soft error pages', () => {
    expect(untaggable(page('Just a moment...'))).toBe('CHALLENGE_PAGE');
    expect(untaggable(page('Shop', 'Checking your browser before accessing the site.'))).toBe(
      'CHALLENGE_PAGE',
    );
    expect(untaggable(page('Log in to continue'))).toBe('LOGIN_REQUIRED');
    expect(untaggable(page('로그인'))).toBe('LOGIN_REQUIRED');
    expect(untaggable(page('404 - Page not found'))).toBe('ERROR_PAGE');
  });

  it('leaves real pages alone, also long ones whose title starts like a login page', () => {
    expect(untaggable(page('Kimchi fermentation at home'))).toBeNull();
    expect(
      untaggable(page('Sign in with passkeys: a guide', 'Passkeys replace passwords. '.repeat(100))),
    ).toBeNull();
    expect(untaggable(page('Error', '', 'DOCUMENT'))).toBeNull();
  });
});
