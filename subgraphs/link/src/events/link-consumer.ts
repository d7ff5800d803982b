import { emitEvent, linkDeleted, on, queryRows, userDeleted } from '@link-archive/events';
import { LINK_SCHEMA } from '../data-source';

/**
 * What the link domain does with other domains' events. An erased account's links go for good (tombstones
 * included: no device of that account syncs again), each announced as link.deleted so reviews, feed items
 * and thumbnails of them go too; its follow edges leave the visibility projection.
 */
export const linkEventHandlers = [
  on(userDeleted, async ({ userId }, tx) => {
    const links = await queryRows<{ id: string }>(tx, 'SELECT id FROM links WHERE owner_id = $1 FOR UPDATE', [
      userId,
    ]);
    await tx.query('DELETE FROM links WHERE owner_id = $1', [userId]);
    for (const { id } of links)
      await emitEvent(tx, LINK_SCHEMA, linkDeleted, { linkId: id, ownerId: userId });
    await tx.query('DELETE FROM follows WHERE follower_id = $1 OR followee_id = $1', [userId]);
  }),
];
