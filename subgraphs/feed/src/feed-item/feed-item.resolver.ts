import { FieldResolver, Resolver, Root } from 'type-graphql';
import { LinkRef, ReviewRef, UserRef } from '@link-archive/federation';
import { FeedItem } from './feed-item.entity';

@Resolver(() => FeedItem)
export class FeedItemResolver {
  @FieldResolver(() => UserRef)
  actor(@Root() item: FeedItem): UserRef {
    return { id: item.actorId };
  }

  @FieldResolver(() => LinkRef, { nullable: true })
  link(@Root() item: FeedItem): LinkRef | null {
    return item.linkId ? { id: item.linkId } : null;
  }

  @FieldResolver(() => ReviewRef, { nullable: true })
  review(@Root() item: FeedItem): ReviewRef | null {
    return item.reviewId ? { id: item.reviewId } : null;
  }

  @FieldResolver(() => UserRef, {
    nullable: true,
    description: 'Whom the actor followed (USER_FOLLOWED items).',
  })
  followee(@Root() item: FeedItem): UserRef | null {
    return item.followeeId ? { id: item.followeeId } : null;
  }
}
