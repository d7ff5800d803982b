import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('KeywordCount')
export class KeywordCount {
  @Field(() => String)
  keyword: string;

  @Field(() => Int, { description: 'Analysed reviews of the link that mention it.' })
  count: number;
}

@ObjectType('ReviewInsights', { description: "What a link's reviews say, over every analysed review." })
export class ReviewInsights {
  @Field(() => [Int], { description: 'Analysed reviews by sentiment: [POSITIVE, NEUTRAL, NEGATIVE].' })
  sentiment: number[];

  @Field(() => [KeywordCount], { description: 'The 10 keywords mentioned most, most mentioned first.' })
  topKeywords: KeywordCount[];

  @Field(() => [Float], {
    description:
      'Average rating of the reviews written in each of the last 12 weeks (ISO weeks, UTC), oldest first, the current week last; 0 for a week without reviews.',
  })
  weeklyAverage: number[];
}
