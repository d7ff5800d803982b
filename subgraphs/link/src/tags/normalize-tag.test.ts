import { describe, expect, it } from 'vitest';
import { TagSource } from '../link/link.enums';
import { tagKey } from '@link-archive/core';
import { userTags, withUserTags } from './normalize-tag';

describe('tags', () => {
  it('gives "Ad Tech", "#adtech" and "ad-tech" one canonical key', () => {
    expect(new Set(['Ad Tech', '#adtech', 'ad-tech', ' AD_TECH ']).size).toBe(4);
    expect(new Set(['Ad Tech', '#adtech', 'ad-tech', ' AD_TECH '].map(tagKey))).toEqual(new Set(['adtech']));
  });

  it('keeps letters of any script', () => {
    expect(tagKey('#맛집 추천')).toBe('맛집추천');
    expect(tagKey('Café')).toBe('café');
  });

  it('deduplicates user tags and refuses empty or oversized ones', () => {
    expect(userTags(['Ad Tech', '#adtech']).map((t) => t.name)).toEqual(['adtech']);
    expect(() => userTags(['###'])).toThrow('not a valid tag');
    expect(() => userTags(['x'.repeat(51)])).toThrow('at most 50');
    expect(() => userTags(Array.from({ length: 21 }, (_, i) => `t${i}`))).toThrow('at most 20 tags');
  });

  it('replaces only the owner tags and keeps machine tags', () => {
    const existing = [
      { name: 'old', source: TagSource.USER, confidence: null },
      { name: 'news', source: TagSource.AI, confidence: 0.9 },
      { name: 'kept', source: TagSource.HEURISTIC, confidence: null },
    ];
    const result = withUserTags(existing, userTags(['News', 'fresh']));
    expect(result.map((t) => `${t.name}:${t.source}`)).toEqual(['news:USER', 'fresh:USER', 'kept:HEURISTIC']);
  });
});
