import { describe, expect, it } from 'vitest';
import { CORPUS_FETCHED_AT, extractionCorpus, scoreCorpus } from './corpus';
import { decodeHtml } from './decode-html';
import { extractPage } from './extract-page';

/** The targets on real pages; the corpus reproduces their shapes, so it must reach at least these. */
const TARGETS = {
  title: 0.92,
  author: 0.85,
  description: 0.85,
  publishedAt: 0.9,
  siteName: 0.95,
  language: 0.96,
};

describe('extraction on the corpus of real-site shapes', () => {
  it('gets each field right on enough pages, and never dates a page after it was fetched', async () => {
    const pages = extractionCorpus();
    expect(pages.length).toBeGreaterThanOrEqual(60);
    const results = [];
    for (const page of pages) {
      const { text } = decodeHtml(page.body, page.contentType);
      results.push({ page, got: await extractPage(text, page.url, CORPUS_FETCHED_AT) });
    }
    const score = scoreCorpus(results, CORPUS_FETCHED_AT);
    for (const miss of score.misses)
      console.log(
        `${miss.page} ${miss.field}: expected ${JSON.stringify(miss.expected)}, got ${JSON.stringify(miss.got)}`,
      );
    expect(score.future).toBe(0);
    for (const [field, target] of Object.entries(TARGETS))
      expect({ field, accuracy: score.accuracy[field as keyof typeof TARGETS] }).toEqual({
        field,
        accuracy: expect.toSatisfy((a: number) => a >= target),
      });
  });
});
