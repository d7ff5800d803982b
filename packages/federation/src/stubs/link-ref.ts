import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The link subgraph's Link, known to other subgraphs by its key only. */
@Directive('@key(fields: "id")')
@ObjectType('Link')
export class LinkRef {
  @Field(() => ID)
  id: string;
}
