import { linkDeleted, on, userDeleted } from '@link-archive/events';

/** An erased account's reviews go; so do all reviews of a link that is deleted. */
export const reviewEventHandlers = [
  on(userDeleted, async ({ userId }, tx) => {
    await tx.query('DELETE FROM reviews WHERE author_id = $1', [userId]);
  }),
  on(linkDeleted, async ({ linkId }, tx) => {
    await tx.query('DELETE FROM reviews WHERE link_id = $1', [linkId]);
  }),
];
