import { Field, Float, Int, ObjectType } from 'type-graphql';
import { TagSource } from '../link/link.enums';

@ObjectType('Tag')
export class Tag {
  /** The canonical key: "Ad Tech", "#adtech" and "ad-tech" are all "adtech". */
  @Field(() => String)
  name: string;

  @Field(() => TagSource)
  source: TagSource;

  @Field(() => Float, { nullable: true })
  confidence: number | null;
}

@ObjectType('TagCount')
export class TagCount {
  @Field(() => String)
  name: string;

  @Field(() => Int)
  count: number;
}
