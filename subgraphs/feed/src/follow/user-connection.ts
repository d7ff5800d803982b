import { PageInfo, UserRef } from '@link-archive/federation';
import { Field, ObjectType } from 'type-graphql';

@ObjectType('UserEdge')
export class UserEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => UserRef)
  node: UserRef;
}

@ObjectType('UserConnection')
export class UserConnection {
  @Field(() => [UserEdge])
  edges: UserEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
