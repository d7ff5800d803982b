import type { FeedContext } from '../context';

const stub = (ref: { id: string }) => ({ id: ref.id });

export const feedReference = {
  FeedItem: {
    // an item is as visible as its link: a USER_FOLLOWED item to anyone, others to who may see the link now
    __resolveReference: async (ref: { id: string }, ctx: FeedContext) => {
      const item = await ctx.loaders.feedItem.load(ref.id);
      if (!item) return null;
      return (await ctx.services.homeFeed.mayShow(ctx.viewer, item.id)) ? item : null;
    },
  },
  User: { __resolveReference: stub },
  Link: { __resolveReference: stub },
  Review: { __resolveReference: stub },
};
