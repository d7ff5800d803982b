import { FieldResolver, Resolver, Root } from 'type-graphql';
import { LinkRef, UserRef } from '@link-archive/federation';
import { Review } from './review.entity';

@Resolver(() => Review)
export class ReviewResolver {
  @FieldResolver(() => LinkRef)
  link(@Root() review: Review): LinkRef {
    return { id: review.linkId };
  }

  @FieldResolver(() => UserRef, { nullable: true })
  author(@Root() review: Review): UserRef | null {
    return review.authorId ? { id: review.authorId } : null;
  }
}
