import { PageInfo } from '@link-archive/federation';
import { Field, ObjectType } from 'type-graphql';
import { Link } from './link.entity';

@ObjectType('LinkEdge')
export class LinkEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Link)
  node: Link;
}

@ObjectType('LinkConnection')
export class LinkConnection {
  @Field(() => [LinkEdge])
  edges: LinkEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
