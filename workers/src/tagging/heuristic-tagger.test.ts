import { describe, expect, it } from 'vitest';
import { heuristicTags } from './heuristic-tagger';

describe('heuristicTags', () => {
  it('picks the content words of an English article, without stop-words', () => {
    const tags = heuristicTags({
      title: 'Why Rust makes systems programming safer',
      description: 'Memory safety in Rust without a garbage collector.',
      text: 'Rust checks ownership and borrowing at compile time. The borrow checker keeps memory safety. '.repeat(
        3,
      ),
    });
    expect(tags[0]).toBe('rust');
    expect(tags).toContain('memory');
    expect(tags.length).toBeGreaterThanOrEqual(3);
    expect(tags.length).toBeLessThanOrEqual(5);
    for (const stop of ['the', 'and', 'without', 'why']) expect(tags).not.toContain(stop);
  });

  it('tags Korean text in Korean, with particles stripped', () => {
    const tags = heuristicTags({
      title: '서울 떡볶이 맛집 추천',
      text: '서울에서 가장 맛있는 떡볶이 맛집을 소개합니다. 떡볶이는 매콤하고 맛집은 늘 붐빕니다.',
    });
    expect(tags).toEqual(expect.arrayContaining(['떡볶이', '맛집', '서울']));
    expect(tags).not.toContain('가장');
  });

  it('segments scripts written without spaces (Japanese) into words', () => {
    const tags = heuristicTags({
      title: '東京のラーメン特集',
      text: '東京で人気のラーメン店を紹介します。ラーメンは東京の名物です。',
    });
    expect(tags).toEqual(expect.arrayContaining(['東京', 'ラーメン']));
    expect(tags).not.toContain('の');
  });

  it('gives nothing for empty or numeric-only text', () => {
    expect(heuristicTags({})).toEqual([]);
    expect(heuristicTags({ title: '2024 12 31', text: '   ' })).toEqual([]);
  });
});
