import { linkDeleted, linkSaved, linkUpdated, on, userDeleted } from '@link-archive/events';
import { LinkAccess } from '../access/link-access';

/**
 * An erased account's reviews go; so do all reviews of a link that is deleted. Every link event keeps the
 * projection of who may see the link current.
 */
export const reviewEventHandlers = [
  on(userDeleted, async ({ userId }, tx) => {
    await tx.query('DELETE FROM reviews WHERE author_id = $1', [userId]);
    await tx.query('DELETE FROM link_access WHERE owner_id = $1', [userId]);
  }),
  on(linkDeleted, async ({ linkId }, tx) => {
    await tx.query('DELETE FROM reviews WHERE link_id = $1', [linkId]);
    await LinkAccess.forget(tx, linkId);
  }),
  on(linkSaved, ({ linkId, ownerId, visibility }, tx, event) =>
    LinkAccess.record(tx, { linkId, ownerId, visibility }, event.occurredAt),
  ),
  on(linkUpdated, ({ linkId, ownerId, visibility }, tx, event) =>
    LinkAccess.record(tx, { linkId, ownerId, visibility }, event.occurredAt),
  ),
];
