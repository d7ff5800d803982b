import { describe, expect, it } from 'vitest';
import { savedBuckets, savedBucketsQuery } from './saved-buckets';

const week = (iso: string) => `@w${Math.floor(Date.parse(iso) / (7 * 86_400_000))}`;

describe('savedBuckets', () => {
  it('names a span of a few days by its UTC days', () => {
    expect(savedBuckets(new Date('2026-11-28T22:00:00Z'), new Date('2026-11-30T01:00:00Z'))).toEqual([
      '@d2026-11-28',
      '@d2026-11-29',
      '@d2026-11-30',
    ]);
    expect(savedBuckets(new Date('2024-02-28T23:00:00Z'), new Date('2024-03-01T00:00:00Z'))).toEqual([
      '@d2024-02-28',
      '@d2024-02-29',
      '@d2024-03-01',
    ]);
  });

  it('names a span of weeks by the weeks that hold its first and last moments and all between', () => {
    const buckets = savedBuckets(new Date('2026-10-20T12:00:00Z'), new Date('2026-11-29T12:00:00Z'));
    expect(buckets[0]).toBe(week('2026-10-20T12:00:00Z'));
    expect(buckets.at(-1)).toBe(week('2026-11-29T12:00:00Z'));
    expect(buckets).toHaveLength(7);
  });

  it('names a longer span by months, across years', () => {
    expect(savedBuckets(new Date('2025-11-15T00:00:00Z'), new Date('2026-02-01T00:00:00Z'))).toEqual([
      '@m2025-11',
      '@m2025-12',
      '@m2026-01',
      '@m2026-02',
    ]);
  });

  it('is tsquery text of quoted lexemes', () => {
    expect(savedBucketsQuery(['@m2026-10', '@d2026-11-01'])).toBe(`'@m2026-10' | '@d2026-11-01'`);
  });
});
