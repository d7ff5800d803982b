import { badInput, forbidden, isUuid, notFound, type Viewer } from '@link-archive/core';
import { requireViewer } from '@link-archive/federation';
import { Arg, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { ReviewContext } from '../context';
import { Review } from './review.entity';

/** reviewAdded(linkId): reviews posted or imported on a link, for anyone who may see it. */
@Resolver(() => Review)
export class ReviewAddedResolver {
  @Subscription(() => Review, {
    description: 'Reviews posted, edited or imported on a link the viewer may see, as they happen.',
    subscribe: async ({
      args,
      context,
    }: SubscribeResolverData<unknown, { linkId: string }, ReviewContext>) => {
      const viewer = requireViewer(context);
      if (!isUuid(args.linkId)) throw badInput('linkId', 'not a link id');
      const access = await context.services.access.visible(viewer, args.linkId);
      if (access === 'unknown') throw notFound('Link');
      if (access === 'hidden') throw forbidden('You may not see this link');
      return addedReviews(context, viewer, args.linkId);
    },
  })
  reviewAdded(@Root() review: Review, @Arg('linkId', () => ID) _linkId: string): Review {
    return review;
  }
}

/** Each posted review as it reads now, while the viewer may still see the link (its visibility can change). */
async function* addedReviews(context: ReviewContext, viewer: Viewer, linkId: string): AsyncGenerator<Review> {
  const { reviews, reviewEvents, access } = context.services;
  for await (const event of reviewEvents.events(linkId)) {
    const still = await access.visible(viewer, linkId);
    if (still === 'unknown' || still === 'hidden') return;
    const review = await reviews.byId(event.reviewId);
    if (review) yield review;
  }
}
