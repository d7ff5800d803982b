import {
  feedItemAdded,
  linkDeleted,
  linkSaved,
  linkUpdated,
  on,
  queryRows,
  replyPublished,
  reviewDeleted,
  reviewNegative,
  reviewPosted,
  userDeleted,
  userRegistered,
  type Queryable,
} from '@link-archive/events';
import { KnownAccounts } from '../accounts/known-accounts';
import { FeedLinkAccess } from '../access/feed-link-access';
import { addFeedItem, forgetLinkScore } from '@link-archive/feed-domain';
import { notify } from '../notifications/notify';
import type { BigAccountItems } from '../home/big-account-items';
import type { TimelineStore } from '../timeline/timeline-store';

const FANOUT_BATCH = 1_000;

export interface FeedConsumerDeps {
  timelines: TimelineStore;
  fanoutMaxFollowers: number;
  /** Kept newest items of big accounts: a new one is read at once by this process's next merge. */
  bigAccounts?: BigAccountItems;
}

/** An erased account leaves the follow graph (its followees' counts too), every feed and every notification. */
async function eraseAccount(tx: Queryable, userId: string): Promise<void> {
  await KnownAccounts.forget(tx, userId);
  await FeedLinkAccess.forgetOwner(tx, userId);
  await tx.query(
    `UPDATE feed.follower_counts c SET followers = followers - 1
       FROM feed.follows f WHERE f.follower_id = $1 AND c.user_id = f.followee_id`,
    [userId],
  );
  await tx.query('DELETE FROM feed.follower_counts WHERE user_id = $1', [userId]);
  await tx.query('DELETE FROM feed.follows WHERE follower_id = $1 OR followee_id = $1', [userId]);
  await tx.query(
    'DELETE FROM feed.feed_items WHERE actor_id = $1 OR followee_id = $1 OR link_owner_id = $1',
    [userId],
  );
  await tx.query('DELETE FROM feed.notifications WHERE user_id = $1 OR actor_id = $1', [userId]);
  await tx.query('DELETE FROM feed.notification_mutes WHERE user_id = $1', [userId]);
}

/**
 * The feed domain's reading of other domains' events: accounts and link visibility projections, feed items
 * (a link's first READY, a person's review) and notifications; and the fan-out of its own new items to the
 * timelines of the actor's followers (accounts over the threshold are merged at read time instead).
 */
export const feedEventHandlers = (deps: FeedConsumerDeps) => [
  on(userRegistered, ({ userId }, tx) => KnownAccounts.record(tx, userId)),
  on(userDeleted, async ({ userId }, tx) => {
    await eraseAccount(tx, userId);
    await deps.timelines.invalidate(userId);
  }),
  on(linkSaved, async ({ linkId, ownerId, visibility, tags }, tx, event) => {
    await FeedLinkAccess.record(tx, { linkId, ownerId, visibility, tags, status: null }, event.occurredAt);
  }),
  on(linkUpdated, async ({ linkId, ownerId, visibility, tags, status }, tx, event) => {
    const { firstReady } = await FeedLinkAccess.record(
      tx,
      { linkId, ownerId, visibility, tags, status },
      event.occurredAt,
    );
    if (firstReady) {
      await addFeedItem(
        tx,
        {
          kind: 'LINK_SAVED',
          actorId: ownerId,
          linkId,
          linkOwnerId: ownerId,
          dedupeKey: `LINK_SAVED:${linkId}`,
        },
        visibility,
      );
      await notify(tx, { userId: ownerId, kind: 'LINK_READY', target: linkId, linkId });
    }
    if (status === 'FAILED')
      await notify(tx, { userId: ownerId, kind: 'LINK_FAILED', target: linkId, linkId });
  }),
  on(linkDeleted, async ({ linkId }, tx) => {
    await FeedLinkAccess.forget(tx, linkId);
    await tx.query('DELETE FROM feed.feed_items WHERE link_id = $1', [linkId]);
    await forgetLinkScore(tx, linkId);
    await tx.query('DELETE FROM feed.notifications WHERE link_id = $1', [linkId]);
  }),
  on(reviewPosted, async (review, tx) => {
    if (!review.authorId || !review.created) return; // imported reviews and edits make no item or notification
    const link = await FeedLinkAccess.visibilityOf(tx, review.linkId);
    await addFeedItem(
      tx,
      {
        kind: 'REVIEW_POSTED',
        actorId: review.authorId,
        linkId: review.linkId,
        linkOwnerId: review.linkOwnerId,
        reviewId: review.reviewId,
        dedupeKey: `REVIEW_POSTED:${review.reviewId}`,
      },
      link?.visibility ?? 'PRIVATE',
    );
    await notify(tx, {
      userId: review.linkOwnerId,
      kind: 'NEW_REVIEW',
      target: review.linkId,
      actorId: review.authorId,
      linkId: review.linkId,
      reviewId: review.reviewId,
    });
  }),
  on(reviewDeleted, async ({ reviewId }, tx) => {
    await tx.query('DELETE FROM feed.feed_items WHERE review_id = $1', [reviewId]);
    await tx.query('DELETE FROM feed.notifications WHERE review_id = $1', [reviewId]);
  }),
  on(reviewNegative, async (review, tx) => {
    await notify(tx, {
      userId: review.linkOwnerId,
      kind: 'NEGATIVE_REVIEW',
      target: review.reviewId,
      actorId: review.authorId,
      linkId: review.linkId,
      reviewId: review.reviewId,
    });
  }),
  on(replyPublished, async (reply, tx) => {
    if (!reply.reviewAuthorId) return;
    await notify(tx, {
      userId: reply.reviewAuthorId,
      kind: 'REPLY_PUBLISHED',
      target: reply.reviewId,
      actorId: reply.linkOwnerId,
      linkId: reply.linkId,
      reviewId: reply.reviewId,
    });
  }),
  on(feedItemAdded, async (item, tx) => {
    const [counted] = await queryRows<{ followers: number }>(
      tx,
      'SELECT followers FROM feed.follower_counts WHERE user_id = $1',
      [item.actorId],
    );
    if ((counted?.followers ?? 0) > deps.fanoutMaxFollowers) {
      deps.bigAccounts?.forget(item.actorId); // merged at read time
      return;
    }
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await queryRows<{ id: string }>(
        tx,
        `SELECT follower_id AS id FROM feed.follows WHERE followee_id = $1 AND follower_id > $2
          ORDER BY follower_id LIMIT ${FANOUT_BATCH}`,
        [item.actorId, after],
      );
      await deps.timelines.push(
        rows.map((r) => r.id),
        { id: item.itemId, at: item.at },
      );
      if (rows.length < FANOUT_BATCH) break;
      after = rows.at(-1)!.id;
    }
  }),
];
