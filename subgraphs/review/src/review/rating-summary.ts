import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('RatingSummary')
export class RatingSummary {
  @Field(() => Float)
  average: number;

  @Field(() => Int)
  count: number;

  /** distribution[0] is the number of 1-star reviews. */
  @Field(() => [Int])
  distribution: number[];
}

export function summarize(counts: Map<number, number>): RatingSummary {
  const distribution = [1, 2, 3, 4, 5].map((stars) => counts.get(stars) ?? 0);
  const count = distribution.reduce((a, b) => a + b, 0);
  const total = distribution.reduce((sum, n, i) => sum + n * (i + 1), 0);
  return { average: count ? Math.round((total / count) * 100) / 100 : 0, count, distribution };
}
