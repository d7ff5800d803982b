import type { MediaContext } from '../context';

const stub = (ref: { id: string }) => ({ id: ref.id });

export const mediaReference = {
  MediaAsset: {
    __resolveReference: (ref: { id: string }, ctx: MediaContext) => ctx.loaders.asset.load(ref.id),
  },
  Link: { __resolveReference: stub },
  User: { __resolveReference: stub },
};
