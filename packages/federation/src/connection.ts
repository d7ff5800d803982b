import { Directive, Field, ObjectType, type ClassType } from 'type-graphql';

/** Relay PageInfo; every subgraph with connections defines the same shape, hence @shareable. */
@Directive('@shareable')
@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/**
 * `<Name>Edge { cursor node }` and `<Name>Connection { edges pageInfo }` for one node type: @shareable, since
 * more than one subgraph may list the same node type (UserConnection: followers in feed, adminUsers in user).
 */
export function Connection<T extends object>(name: string, node: ClassType<T>) {
  @Directive('@shareable')
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @Directive('@shareable')
  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }

  return ConnectionType;
}
