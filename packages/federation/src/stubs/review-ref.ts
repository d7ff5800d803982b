import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The review subgraph's Review, known to other subgraphs by its key only. */
@Directive('@key(fields: "id")')
@ObjectType('Review')
export class ReviewRef {
  @Field(() => ID)
  id: string;
}
