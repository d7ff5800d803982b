import { describe, expect, it } from 'vitest';
import { summarize } from './rating-summary';

describe('summarize', () => {
  it('counts per star with distribution[0] for one star', () => {
    expect(
      summarize(
        new Map([
          [5, 3],
          [1, 1],
        ]),
      ),
    ).toEqual({ average: 4, count: 4, distribution: [1, 0, 0, 0, 3] });
  });

  it('is all zeros without reviews', () => {
    expect(summarize(new Map())).toEqual({ average: 0, count: 0, distribution: [0, 0, 0, 0, 0] });
  });
});
