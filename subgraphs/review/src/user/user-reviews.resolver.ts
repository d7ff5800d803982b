import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { UserRef } from '@link-archive/federation';
import type { ReviewContext } from '../context';
import { ReviewConnection } from '../review/review-connection';

@Resolver(() => UserRef)
export class UserReviewsResolver {
  @FieldResolver(() => ReviewConnection)
  reviews(
    @Root() user: UserRef,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: ReviewContext,
  ) {
    return ctx.services.reviews.list(ctx.viewer, { authorId: user.id }, first, after);
  }
}
