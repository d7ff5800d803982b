import { emitEvent, notificationAdded, queryRows, type Queryable } from '@link-archive/events';
import { FEED_SCHEMA } from '../data-source';

export type NotificationKindName =
  'NEW_FOLLOWER' | 'NEW_REVIEW' | 'NEGATIVE_REVIEW' | 'LINK_READY' | 'LINK_FAILED' | 'REPLY_PUBLISHED';

/** Repeats of one kind and target within this window are one notification (its count grows). */
export const GROUP_WINDOW_MINUTES = 5;
export const HIGH_PRIORITY: ReadonlySet<NotificationKindName> = new Set(['NEGATIVE_REVIEW']);

export interface NewNotification {
  userId: string;
  kind: NotificationKindName;
  /** What repeats are grouped by: the link, the review, or the follower. */
  target: string;
  actorId?: string | null;
  linkId?: string | null;
  reviewId?: string | null;
}

/**
 * Notifies a person in `tx`, unless it is their own doing or they muted the kind. A repeat of the same kind and
 * target within GROUP_WINDOW_MINUTES joins the earlier notification (count + 1, unread again, newest actor)
 * rather than adding one; a transaction lock per (person, kind, target) keeps concurrent repeats to one row.
 * feed.notification_added announces it live.
 */
export async function notify(tx: Queryable, n: NewNotification): Promise<string | null> {
  if (n.actorId && n.actorId === n.userId) return null;
  const muted = await queryRows(
    tx,
    'SELECT 1 FROM feed.notification_mutes WHERE user_id = $1 AND kind = $2',
    [n.userId, n.kind],
  );
  if (muted.length) return null;
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`notify:${n.userId}:${n.kind}:${n.target}`]);
  const [grouped] = await queryRows<{ id: string }>(
    tx,
    `UPDATE feed.notifications SET count = count + 1, read = false, updated_at = now(),
            actor_id = COALESCE($4, actor_id), review_id = COALESCE($5, review_id)
      WHERE id = (SELECT id FROM feed.notifications
                   WHERE user_id = $1 AND kind = $2 AND target = $3
                     AND updated_at > now() - interval '${GROUP_WINDOW_MINUTES} minutes'
                   ORDER BY updated_at DESC LIMIT 1)
      RETURNING id`,
    [n.userId, n.kind, n.target, n.actorId ?? null, n.reviewId ?? null],
  );
  const id =
    grouped?.id ??
    (
      await queryRows<{ id: string }>(
        tx,
        `INSERT INTO feed.notifications (user_id, kind, target, actor_id, link_id, review_id, priority)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          n.userId,
          n.kind,
          n.target,
          n.actorId ?? null,
          n.linkId ?? null,
          n.reviewId ?? null,
          HIGH_PRIORITY.has(n.kind) ? 1 : 0,
        ],
      )
    )[0]!.id;
  await emitEvent(tx, FEED_SCHEMA, notificationAdded, { notificationId: id, userId: n.userId });
  return id;
}
