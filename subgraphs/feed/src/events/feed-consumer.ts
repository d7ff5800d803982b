import { linkDeleted, on, userDeleted } from '@link-archive/events';

/** An erased account leaves the follow graph and every feed; a deleted link leaves every feed. */
export const feedEventHandlers = [
  on(userDeleted, async ({ userId }, tx) => {
    await tx.query('DELETE FROM follows WHERE follower_id = $1 OR followee_id = $1', [userId]);
    await tx.query('DELETE FROM feed_items WHERE actor_id = $1', [userId]);
  }),
  on(linkDeleted, async ({ linkId }, tx) => {
    await tx.query('DELETE FROM feed_items WHERE link_id = $1', [linkId]);
  }),
];
