import { requireViewer } from '@link-archive/federation';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { ReviewContext } from '../context';
import { Review } from './review.entity';

@Resolver(() => Review)
export class ReviewMutationsResolver {
  @Mutation(() => Review, {
    description:
      'One review per author and link (rating 1-5, body 1-5000 characters): posting again updates it.',
  })
  postReview(
    @Arg('linkId', () => ID) linkId: string,
    @Arg('rating', () => Int) rating: number,
    @Arg('body', () => String) body: string,
    @Ctx() ctx: ReviewContext,
  ) {
    return ctx.services.reviews.post(requireViewer(ctx), linkId, rating, body);
  }

  @Mutation(() => Boolean, { description: 'The author or an ADMIN deletes a review.' })
  deleteReview(@Arg('id', () => ID) id: string, @Ctx() ctx: ReviewContext) {
    return ctx.services.reviews.delete(requireViewer(ctx), id);
  }
}
