import { Connection, UserRef, requireViewer } from '@link-archive/federation';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { FeedContext } from '../context';
import { FeedItem } from '../feed-item/feed-item.entity';

export const FeedItemConnection = Connection('FeedItem', FeedItem);

@Resolver()
export class FeedsResolver {
  @Query(() => FeedItemConnection, {
    description: 'Items of the people the viewer follows that the viewer may see, newest first.',
  })
  homeFeed(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: FeedContext,
  ) {
    return ctx.services.homeFeed.page(requireViewer(ctx), first, after);
  }

  @Query(() => FeedItemConnection, {
    description:
      'PUBLIC links ranked by recent saves and reviews (refreshed every 30 s; a cursor keeps its ranking for 10 minutes).',
  })
  popularFeed(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: FeedContext,
  ) {
    return ctx.services.popularFeed.page(first, after);
  }

  @Query(() => FeedItemConnection, { description: 'PUBLIC links with the tag, newest first.' })
  tagFeed(
    @Arg('tag', () => String) tag: string,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: FeedContext,
  ) {
    return ctx.services.tagFeed.page(tag, first, after);
  }

  @Mutation(() => UserRef, { description: 'Follows an account (idempotent; not yourself).' })
  follow(@Arg('userId', () => ID) userId: string, @Ctx() ctx: FeedContext) {
    return ctx.services.follows.follow(requireViewer(ctx), userId);
  }

  @Mutation(() => UserRef, { description: 'Stops following an account (idempotent).' })
  unfollow(@Arg('userId', () => ID) userId: string, @Ctx() ctx: FeedContext) {
    return ctx.services.follows.unfollow(requireViewer(ctx), userId);
  }
}
