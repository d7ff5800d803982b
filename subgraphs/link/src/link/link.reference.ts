import type { LinkContext } from '../context';

export const linkReference = {
  Link: {
    __resolveReference: (ref: { id: string }, ctx: LinkContext) => ctx.loaders.link.load(ref.id),
  },
  User: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  },
};
