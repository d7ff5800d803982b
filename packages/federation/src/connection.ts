import { Field, ObjectType, Directive } from 'type-graphql';

/** Relay PageInfo; every subgraph with connections defines the same shape, hence @shareable. */
@Directive('@shareable')
@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}
