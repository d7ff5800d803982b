import { Field, ID, InputType } from 'type-graphql';
import { LinkStatus } from './link.enums';

export const MAX_NOTE_LENGTH = 10_000;
export const MAX_QUERY_LENGTH = 200;

@InputType('LinkFilter')
export class LinkFilter {
  @Field(() => String, { nullable: true })
  tag?: string | null;

  @Field(() => LinkStatus, { nullable: true })
  status?: LinkStatus | null;

  /** Text search over title, description, excerpt, note and tags. */
  @Field(() => String, { nullable: true })
  query?: string | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;
}
