import type { UserContext } from '../context';

export const userReference = {
  User: {
    __resolveReference: (ref: { id: string }, ctx: UserContext) => ctx.loaders.user.load(ref.id),
  },
};
