import { PageInfo } from '@link-archive/federation';
import { Field, ObjectType } from 'type-graphql';
import { Review } from './review.entity';

@ObjectType('ReviewEdge')
export class ReviewEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Review)
  node: Review;
}

@ObjectType('ReviewConnection')
export class ReviewConnection {
  @Field(() => [ReviewEdge])
  edges: ReviewEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
