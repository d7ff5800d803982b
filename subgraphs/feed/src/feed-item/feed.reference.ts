import type { FeedContext } from '../context';

const stub = (ref: { id: string }) => ({ id: ref.id });

export const feedReference = {
  FeedItem: {
    __resolveReference: (ref: { id: string }, ctx: FeedContext) => ctx.loaders.feedItem.load(ref.id),
  },
  User: { __resolveReference: stub },
  Link: { __resolveReference: stub },
  Review: { __resolveReference: stub },
};
