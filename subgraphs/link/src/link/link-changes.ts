import { Field, ID, ObjectType } from 'type-graphql';
import { Link } from './link.entity';

@ObjectType('LinkChange')
export class LinkChange {
  @Field(() => Link, { nullable: true })
  link: Link | null;

  @Field(() => ID, { nullable: true })
  deletedId: string | null;

  @Field(() => Date)
  changedAt: Date;
}

@ObjectType('LinkChangeSet')
export class LinkChangeSet {
  @Field(() => [LinkChange])
  changes: LinkChange[];

  @Field(() => String)
  cursor: string;

  @Field(() => Boolean)
  hasMore: boolean;
}
