import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { LinkRef } from '@link-archive/federation';
import type { ReviewContext } from '../context';
import { RatingSummary } from '../review/rating-summary';
import { ReviewConnection } from '../review/review-connection';
import { ReviewInsights } from '../insights/review-insights.type';

/** Link.rating, Link.reviews and Link.insights; the link subgraph has already decided the viewer may see the link. */
@Resolver(() => LinkRef)
export class LinkReviewsResolver {
  @FieldResolver(() => RatingSummary, { nullable: true })
  rating(@Root() link: LinkRef, @Ctx() ctx: ReviewContext) {
    return ctx.loaders.rating.load(link.id);
  }

  @FieldResolver(() => ReviewConnection)
  reviews(
    @Root() link: LinkRef,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: ReviewContext,
  ) {
    return ctx.services.reviews.list(ctx.viewer, { linkId: link.id }, first, after);
  }

  @FieldResolver(() => ReviewInsights, { nullable: true })
  insights(@Root() link: LinkRef, @Ctx() ctx: ReviewContext) {
    return ctx.services.insights.forLink(link.id);
  }
}
