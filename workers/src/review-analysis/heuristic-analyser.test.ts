import { describe, expect, it } from 'vitest';
import { analyseLocally } from './heuristic-analyser';
import { labelledReviews, measureAccuracy } from './labelled-set';

const sentiment = (text: string, rating: number | null = null) => analyseLocally(text, rating).sentiment;

describe('the local review analyser', () => {
  it('reads plain Korean and English opinions', () => {
    expect(sentiment('정말 맛있어요, 또 올게요')).toBe('POSITIVE');
    expect(sentiment('최악이에요. 다시는 안 가요')).toBe('NEGATIVE');
    expect(sentiment('Really tasty, we will come back')).toBe('POSITIVE');
    expect(sentiment('The worst. We are never going back.')).toBe('NEGATIVE');
  });

  it('turns a praise negated around it into a complaint, and the reverse into mild praise', () => {
    expect(sentiment('좋지 않았어요')).toBe('NEGATIVE');
    expect(sentiment('맛있지 않아요')).toBe('NEGATIVE');
    expect(sentiment('안 좋아요')).toBe('NEGATIVE');
    expect(sentiment('The food was not good')).toBe('NEGATIVE');
    expect(sentiment('불친절하지 않아요')).toBe('POSITIVE');
  });

  it('does not read a longer complaint as the praise inside it (불친절 holds 친절)', () => {
    expect(sentiment('직원이 불친절해요')).toBe('NEGATIVE');
  });

  it('weighs what follows a turn more than what precedes it', () => {
    expect(sentiment('가격은 비싸지만 정말 맛있어요')).toBe('POSITIVE');
    expect(sentiment('뷰는 좋은데 음식이 최악이에요')).toBe('NEGATIVE');
    expect(sentiment('Nice view, but the food was terrible')).toBe('NEGATIVE');
  });

  it('leaves plain facts NEUTRAL, and lets the stars speak only when the words do not', () => {
    expect(sentiment('Parking is behind the building.')).toBe('NEUTRAL');
    expect(sentiment('주차는 건물 뒤에 있어요')).toBe('NEUTRAL');
    expect(sentiment('We went on a Tuesday.', 1)).toBe('NEGATIVE');
    expect(sentiment('We went on a Tuesday.', 5)).toBe('POSITIVE');
    expect(sentiment('Absolutely wonderful, a real gem.', 1)).toBe('POSITIVE');
  });

  it('keeps the score in -1..1 on the side of its label', () => {
    for (const text of ['Amazing amazing amazing wonderful perfect best', '최악 최악 최악 쓰레기 더러워요']) {
      const { score, sentiment: label } = analyseLocally(text);
      expect(Math.abs(score)).toBeLessThanOrEqual(1);
      expect(label === 'POSITIVE' ? score > 0 : score < 0).toBe(true);
    }
  });

  it('names what a review talks about: topic words, not opinions, particles or stopwords', () => {
    expect(
      analyseLocally('The coffee was great but the prices are high and the coffee was cold').keywords.slice(
        0,
        2,
      ),
    ).toEqual(['coffee', 'price']);
    expect(analyseLocally('커피가 맛있고 직원이 친절해요').keywords).toEqual(['커피', '직원']);
    expect(analyseLocally('정말 맛있어요').keywords).toEqual(['맛있다']);
    expect(analyseLocally('Great!').keywords).toEqual(['great']);
    expect(analyseLocally('커피가 맛있고 직원이 친절해요').language).toBe('ko');
  });

  it('scores at least 85% on the labelled sets of 200+ reviews per language', () => {
    for (const language of ['en', 'ko'] as const) {
      const set = labelledReviews(language);
      expect(set.length).toBeGreaterThanOrEqual(200);
      const { accuracy } = measureAccuracy(set, (text) => analyseLocally(text));
      expect([language, accuracy]).toEqual([language, expect.any(Number)]);
      expect(accuracy).toBeGreaterThanOrEqual(0.85);
    }
  });
});
