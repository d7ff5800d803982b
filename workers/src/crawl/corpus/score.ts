import type { ExtractedPage } from '../extract-page';
import type { CorpusPage, Expected } from './shapes';

export const FIELDS = ['title', 'author', 'description', 'publishedAt', 'siteName', 'language'] as const;
export type Field = (typeof FIELDS)[number];

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Whether an extracted field is what the reader expected (a description may be the same text cut short). */
export function matches(field: Field, got: ExtractedPage, expected: Expected): boolean {
  const want = expected[field];
  if (field === 'publishedAt') {
    if (want === null) return got.publishedAt === null;
    return (
      got.publishedAt !== null && Math.abs(got.publishedAt.getTime() - new Date(want).getTime()) < 60_000
    );
  }
  const value = got[field];
  if (want === null || value === null) return want === value;
  if (field === 'author' || field === 'siteName')
    return squash(value).toLowerCase() === squash(want).toLowerCase();
  if (field === 'description') {
    const cut = squash(value).replace(/…$/, '');
    return cut === squash(want) || (squash(want).startsWith(cut) && cut.length >= 0.8 * want.length);
  }
  return squash(value) === squash(want);
}

export interface CorpusScore {
  pages: number;
  /** Share of pages (0-1) on which each field is right. */
  accuracy: Record<Field, number>;
  /** Every miss: the page, the field, what was expected and what came out. */
  misses: { page: string; field: Field; expected: unknown; got: unknown }[];
  /** Published dates after the fetch (must be none). */
  future: number;
}

export function scoreCorpus(
  results: { page: CorpusPage; got: ExtractedPage }[],
  fetchedAt: Date,
): CorpusScore {
  const hits = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
  const misses: CorpusScore['misses'] = [];
  let future = 0;
  for (const { page, got } of results) {
    for (const field of FIELDS) {
      if (matches(field, got, page.expected)) hits[field]++;
      else misses.push({ page: page.name, field, expected: page.expected[field], got: got[field] });
    }
    if (got.publishedAt && got.publishedAt.getTime() > fetchedAt.getTime()) future++;
  }
  const accuracy = Object.fromEntries(FIELDS.map((f) => [f, hits[f] / results.length])) as Record<
    Field,
    number
  >;
  return { pages: results.length, accuracy, misses, future };
}
