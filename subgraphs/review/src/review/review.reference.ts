import type { ReviewContext } from '../context';

const stub = (ref: { id: string }) => ({ id: ref.id });

export const reviewReference = {
  Review: {
    // a review is as visible as its link (its author always sees it)
    __resolveReference: async (ref: { id: string }, ctx: ReviewContext) => {
      const review = await ctx.loaders.review.load(ref.id);
      return review && (await ctx.services.reviews.readable(ctx.viewer, review)) ? review : null;
    },
  },
  Link: { __resolveReference: stub },
  User: { __resolveReference: stub },
};
