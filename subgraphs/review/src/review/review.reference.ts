import type { ReviewContext } from '../context';

const stub = (ref: { id: string }) => ({ id: ref.id });

export const reviewReference = {
  Review: {
    __resolveReference: (ref: { id: string }, ctx: ReviewContext) => ctx.loaders.review.load(ref.id),
  },
  Link: { __resolveReference: stub },
  User: { __resolveReference: stub },
};
