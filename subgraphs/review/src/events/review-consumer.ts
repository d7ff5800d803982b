import {
  linkCrawled,
  linkDeleted,
  linkSaved,
  linkUpdated,
  on,
  forgetFollows,
  projectFollow,
  queryRows,
  reviewPosted,
  userDeleted,
  userFollowed,
  userUnfollowed,
} from '@link-archive/events';
import { eraseAuthorReviews, eraseLinkReviews, importCrawledReviews } from '@link-archive/review-domain';
import { reviewAnalysisQueue, type Enqueuer } from '@link-archive/queues';
import { LinkAccess } from '../access/link-access';

/**
 * An erased account's reviews go; so do all reviews of a deleted link. Every link event keeps the projection of
 * who may see the link current; a crawl's reviews are imported (once each); every review posted or imported is
 * queued for analysis, on the bulk lane when imported so a page's fifty reviews never delay a person's one.
 */
export const reviewEventHandlers = (enqueuer: Enqueuer) => [
  on(userDeleted, async ({ userId }, tx) => {
    await eraseAuthorReviews(tx, userId);
    await tx.query('DELETE FROM review.link_access WHERE owner_id = $1', [userId]);
    await forgetFollows(tx, 'review', userId);
  }),
  on(userFollowed, (edge, tx, event) => projectFollow(tx, 'review', edge, true, event.occurredAt)),
  on(userUnfollowed, (edge, tx, event) => projectFollow(tx, 'review', edge, false, event.occurredAt)),
  on(linkDeleted, async ({ linkId }, tx) => {
    await eraseLinkReviews(tx, linkId);
    await LinkAccess.forget(tx, linkId);
  }),
  on(linkSaved, ({ linkId, ownerId, visibility }, tx, event) =>
    LinkAccess.record(tx, { linkId, ownerId, visibility }, event.occurredAt),
  ),
  on(linkUpdated, ({ linkId, ownerId, visibility }, tx, event) =>
    LinkAccess.record(tx, { linkId, ownerId, visibility }, event.occurredAt),
  ),
  on(linkCrawled, async (crawl, tx) => {
    if (!(await LinkAccess.recordCrawl(tx, crawl))) return; // the link was deleted meanwhile
    await importCrawledReviews(tx, { linkId: crawl.linkId, ownerId: crawl.ownerId }, crawl.reviews);
  }),
  on(reviewPosted, async ({ reviewId, source }, tx) => {
    const [review] = await queryRows<{ revision: number }>(
      tx,
      'SELECT revision FROM review.reviews WHERE id = $1 AND analysed_at IS NULL',
      [reviewId],
    );
    if (!review) return; // deleted, or already analysed
    await enqueuer.enqueue(
      reviewAnalysisQueue,
      { reviewId, revision: review.revision },
      source === 'CRAWLED' ? 'bulk' : 'interactive',
    );
  }),
];
