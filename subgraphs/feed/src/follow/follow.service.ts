import {
  badInput,
  decodeCursor,
  isUuid,
  notFound,
  pageSize,
  toPage,
  type Page,
  type Viewer,
} from '@link-archive/core';
import { emitEvent, queryRows, userFollowed, userUnfollowed, type Transactor } from '@link-archive/events';
import type { DataSource } from 'typeorm';
import type { KnownAccounts } from '../accounts/known-accounts';
import { addFeedItem } from '@link-archive/feed-domain';
import { notify } from '../notifications/notify';
import type { TimelineStore } from '../timeline/timeline-store';
import { FEED_SCHEMA } from '../data-source';

export class FollowService {
  private readonly transaction: Transactor;

  constructor(
    private readonly ds: DataSource,
    private readonly accounts: KnownAccounts,
    private readonly timelines: TimelineStore,
  ) {
    this.transaction = (work) => ds.transaction((manager) => work(manager));
  }

  /**
   * Follows an account (again: nothing changes). The edge, its count, user.followed (other domains' projections),
   * a USER_FOLLOWED feed item and the NEW_FOLLOWER notification commit together.
   */
  async follow(viewer: Viewer, userId: string): Promise<{ id: string }> {
    const followeeId = await this.target(viewer, userId);
    const created = await this.transaction(async (tx) => {
      const [edge] = await queryRows<{ created_at: Date }>(
        tx,
        `INSERT INTO feed.follows (follower_id, followee_id) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING created_at`,
        [viewer.userId, followeeId],
      );
      if (!edge) return false;
      await tx.query(
        `INSERT INTO feed.follower_counts (user_id, followers) VALUES ($1, 1)
         ON CONFLICT (user_id) DO UPDATE SET followers = follower_counts.followers + 1`,
        [followeeId],
      );
      await emitEvent(tx, FEED_SCHEMA, userFollowed, { followerId: viewer.userId, followeeId });
      await addFeedItem(
        tx,
        {
          kind: 'USER_FOLLOWED',
          actorId: viewer.userId,
          followeeId,
          dedupeKey: `USER_FOLLOWED:${viewer.userId}:${followeeId}:${edge.created_at.toISOString()}`,
        },
        null,
      );
      await notify(tx, {
        userId: followeeId,
        kind: 'NEW_FOLLOWER',
        target: viewer.userId,
        actorId: viewer.userId,
      });
      return true;
    });
    // the followee's earlier items belong in the follower's timeline now: it is rebuilt on the next read
    if (created) await this.timelines.invalidate(viewer.userId);
    return { id: followeeId };
  }

  /** Unfollows (again: nothing changes); FOLLOWERS links of that account stop reaching the viewer at once. */
  async unfollow(viewer: Viewer, userId: string): Promise<{ id: string }> {
    if (!isUuid(userId)) throw notFound('User');
    const removed = await this.transaction(async (tx) => {
      const gone = await queryRows(
        tx,
        'DELETE FROM feed.follows WHERE follower_id = $1 AND followee_id = $2 RETURNING followee_id',
        [viewer.userId, userId],
      );
      if (!gone.length) return false;
      await tx.query('UPDATE feed.follower_counts SET followers = followers - 1 WHERE user_id = $1', [
        userId,
      ]);
      await emitEvent(tx, FEED_SCHEMA, userUnfollowed, { followerId: viewer.userId, followeeId: userId });
      return true;
    });
    if (removed) await this.timelines.invalidate(viewer.userId);
    return { id: userId };
  }

  private async target(viewer: Viewer, userId: string): Promise<string> {
    if (!isUuid(userId)) throw notFound('User');
    if (userId === viewer.userId) throw badInput('userId', 'you cannot follow yourself');
    if (!(await this.accounts.exists(userId))) throw notFound('User');
    return userId;
  }

  /** Everyone the person follows (for a live subscription's starting point). */
  async followeesOf(userId: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.ds,
      'SELECT followee_id AS id FROM feed.follows WHERE follower_id = $1',
      [userId],
    );
    return rows.map((r) => r.id);
  }

  /** Followers (who follow userId) or following (whom userId follows), newest edge first. */
  async list(
    userId: string,
    direction: 'followers' | 'following',
    first?: number | null,
    after?: string | null,
  ): Promise<Page<{ id: string; createdAt: Date }>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    if (!isUuid(userId)) return toPage([], limit);
    const [self, other] =
      direction === 'followers' ? ['followee_id', 'follower_id'] : ['follower_id', 'followee_id'];
    const params: unknown[] = [userId, limit + 1];
    let keyset = '';
    if (cursor) {
      params.push(cursor.createdAt, cursor.id);
      keyset = `AND (created_at, ${other}) < ($3, $4)`;
    }
    const rows: { id: string; created_at: Date }[] = await this.ds.query(
      `SELECT ${other} AS id, created_at FROM feed.follows WHERE ${self} = $1 ${keyset}
        ORDER BY created_at DESC, ${other} DESC LIMIT $2`,
      params,
    );
    return toPage(
      rows.map((r) => ({ id: r.id, createdAt: r.created_at })),
      limit,
    );
  }
}
