import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The user subgraph's User, known to other subgraphs by its key only. */
@Directive('@key(fields: "id")')
@ObjectType('User')
export class UserRef {
  @Field(() => ID)
  id: string;
}
