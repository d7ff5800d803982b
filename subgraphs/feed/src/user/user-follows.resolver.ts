import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { UserRef } from '@link-archive/federation';
import type { FeedContext } from '../context';
import { UserConnection } from '../follow/user-connection';

@Resolver(() => UserRef)
export class UserFollowsResolver {
  @FieldResolver(() => Int)
  followerCount(@Root() user: UserRef, @Ctx() ctx: FeedContext) {
    return ctx.loaders.followerCount.load(user.id);
  }

  @FieldResolver(() => Int)
  followingCount(@Root() user: UserRef, @Ctx() ctx: FeedContext) {
    return ctx.loaders.followingCount.load(user.id);
  }

  @FieldResolver(() => Boolean)
  viewerIsFollowing(@Root() user: UserRef, @Ctx() ctx: FeedContext) {
    return ctx.loaders.viewerFollows.load(user.id);
  }

  @FieldResolver(() => UserConnection)
  followers(
    @Root() user: UserRef,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: FeedContext,
  ) {
    return ctx.services.follows.list(user.id, 'followers', first, after);
  }

  @FieldResolver(() => UserConnection)
  following(
    @Root() user: UserRef,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: FeedContext,
  ) {
    return ctx.services.follows.list(user.id, 'following', first, after);
  }
}
