import { registerEnumType } from 'type-graphql';

export enum Sentiment {
  POSITIVE = 'POSITIVE',
  NEUTRAL = 'NEUTRAL',
  NEGATIVE = 'NEGATIVE',
}
export enum ReviewSource {
  USER = 'USER',
  CRAWLED = 'CRAWLED',
}
registerEnumType(Sentiment, { name: 'Sentiment' });
registerEnumType(ReviewSource, { name: 'ReviewSource' });
