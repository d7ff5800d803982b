import { decodeCursor, pageSize, toPage, type Page, type Viewer } from '@link-archive/core';
import { queryRows } from '@link-archive/events';
import type { DataSource } from 'typeorm';
import { FeedLinkAccess } from '../access/feed-link-access';
import type { FeedItem } from '../feed-item/feed-item.entity';
import { TIMELINE_CAP, type TimelineStore } from '../timeline/timeline-store';
import type { BigAccountItems } from './big-account-items';
import { ITEM_COLUMNS, afterCursor, asItem, newestFirst, type ItemRow } from './feed-item-rows';

const MAX_ROUNDS = 5;

/**
 * homeFeed: items of the people the viewer follows that the viewer may see now. Accounts with at most
 * FANOUT_MAX_FOLLOWERS followers are fanned out on write to the viewer's Redis timeline; bigger ones are read
 * from PostgreSQL and merged here. Every candidate is checked against PostgreSQL (still followed, link still
 * visible), so an unfollow, a link made PRIVATE or a deletion takes effect at once whatever Redis holds.
 */
export class HomeFeedService {
  constructor(
    private readonly ds: DataSource,
    private readonly timelines: TimelineStore,
    private readonly fanoutMaxFollowers: number,
    private readonly bigAccounts: BigAccountItems,
  ) {}

  async page(viewer: Viewer, first?: number | null, after?: string | null): Promise<Page<FeedItem>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    if (!(await this.timelines.isBuilt(viewer.userId))) await this.rebuild(viewer.userId);
    const found = new Map<string, ItemRow>();
    for (const row of await this.fromBigAccounts(viewer.userId, cursor, limit + 1)) found.set(row.id, row);

    let beforeAt = cursor ? cursor.createdAt.getTime() : null;
    const fromTimeline: ItemRow[] = [];
    for (let round = 0; round < MAX_ROUNDS && fromTimeline.length <= limit; round++) {
      const batch = (limit + 1) * 2;
      const entries = await this.timelines.page(viewer.userId, beforeAt, batch);
      const candidates = entries.filter((e) => afterCursor({ createdAt: new Date(e.at), id: e.id }, cursor));
      fromTimeline.push(
        ...(await this.visible(
          viewer.userId,
          candidates.map((e) => e.id),
        )),
      );
      if (entries.length < batch) break;
      // the next round starts at the last score read (ties are filtered by the cursor check above)
      beforeAt = entries.at(-1)!.at;
      if (entries.every((e) => e.at === beforeAt)) break;
    }
    for (const row of fromTimeline) found.set(row.id, row);
    const rows = [...found.values()].map(asItem).sort(newestFirst);
    return toPage(rows.slice(0, limit + 1), limit);
  }

  /** Whether anyone (signed in or not) may see an item, wherever it is asked for (entity references). */
  async mayShow(viewer: Viewer | null, itemId: string): Promise<boolean> {
    const rows = await queryRows(
      this.ds,
      `SELECT 1 FROM feed.feed_items i LEFT JOIN feed.link_access a ON a.link_id = i.link_id
        WHERE i.id = $1 AND ${FeedLinkAccess.itemVisibleSql('$2::uuid')}`,
      [itemId, viewer?.userId ?? null],
    );
    return rows.length > 0 || viewer?.role === 'ADMIN';
  }

  /** The timeline as PostgreSQL has it: the newest items of the fanned-out accounts the person follows. */
  async rebuild(userId: string): Promise<void> {
    await this.timelines.beginRebuild(userId);
    const rows = await queryRows<{ id: string; createdAt: Date }>(
      this.ds,
      `SELECT i.id, i.created_at AS "createdAt"
         FROM feed.follows f
         JOIN feed.feed_items i ON i.actor_id = f.followee_id
         LEFT JOIN feed.follower_counts c ON c.user_id = f.followee_id
        WHERE f.follower_id = $1 AND COALESCE(c.followers, 0) <= $2
        ORDER BY i.created_at DESC LIMIT ${TIMELINE_CAP}`,
      [userId, this.fanoutMaxFollowers],
    );
    await this.timelines.fill(
      userId,
      rows.map((r) => ({ id: r.id, at: new Date(r.createdAt).getTime() })),
    );
  }

  /** Items among `ids` whose actor the person still follows and whose link they may see. */
  private async visible(userId: string, ids: string[]): Promise<ItemRow[]> {
    if (!ids.length) return [];
    return queryRows<ItemRow>(
      this.ds,
      `SELECT ${ITEM_COLUMNS}
         FROM feed.feed_items i LEFT JOIN feed.link_access a ON a.link_id = i.link_id
        WHERE i.id = ANY($1::uuid[])
          AND EXISTS (SELECT 1 FROM feed.follows f WHERE f.follower_id = $2 AND f.followee_id = i.actor_id)
          AND ${FeedLinkAccess.itemVisibleSql('$2')}`,
      [ids, userId],
    );
  }

  /**
   * The page's items from followed accounts too big to fan out: their newest ids (kept in memory a moment,
   * shared by every reader) merged here, then checked in PostgreSQL like the timeline's. When the kept lists may
   * end before the page does, or visibility leaves too few, the exact read (visibility within each account in
   * PostgreSQL) decides.
   */
  private async fromBigAccounts(
    userId: string,
    cursor: { createdAt: Date; id: string } | null,
    count: number,
  ): Promise<ItemRow[]> {
    const big = await queryRows<{ id: string }>(
      this.ds,
      `SELECT f.followee_id AS id FROM feed.follows f JOIN feed.follower_counts c ON c.user_id = f.followee_id
        WHERE f.follower_id = $1 AND c.followers > $2`,
      [userId, this.fanoutMaxFollowers],
    );
    if (!big.length) return [];
    const lists = await Promise.all(big.map((account) => this.bigAccounts.recent(account.id)));
    const candidates: { id: string; createdAt: Date }[] = [];
    let everyCandidate = true;
    for (const list of lists) {
      const after = list.entries.filter((e) => afterCursor(e, cursor));
      if (!list.complete && after.length < count) return this.fromBigAccountsExactly(userId, cursor, count);
      if (after.length > count * 2 || !list.complete) everyCandidate = false;
      candidates.push(...after.slice(0, count * 2));
    }
    candidates.sort(newestFirst);
    const considered = candidates.slice(0, count * 2);
    if (considered.length < candidates.length) everyCandidate = false;
    const rows = (
      await this.visible(
        userId,
        considered.map((c) => c.id),
      )
    ).sort((a, b) => newestFirst(asItem(a), asItem(b)));
    if (rows.length >= count || everyCandidate) return rows.slice(0, count);
    return this.fromBigAccountsExactly(userId, cursor, count);
  }

  private fromBigAccountsExactly(
    userId: string,
    cursor: { createdAt: Date; id: string } | null,
    count: number,
  ): Promise<ItemRow[]> {
    return queryRows<ItemRow>(
      this.ds,
      `SELECT ${ITEM_COLUMNS}
         FROM (SELECT f.followee_id FROM feed.follows f JOIN feed.follower_counts c ON c.user_id = f.followee_id
                WHERE f.follower_id = $1 AND c.followers > $2) big
        CROSS JOIN LATERAL (
               SELECT i.* FROM feed.feed_items i LEFT JOIN feed.link_access a ON a.link_id = i.link_id
                WHERE i.actor_id = big.followee_id
                  AND ($3::timestamptz IS NULL OR (i.created_at, i.id) < ($3, $4::uuid))
                  AND ${FeedLinkAccess.itemVisibleSql('$1')}
                ORDER BY i.created_at DESC, i.id DESC LIMIT $5) i
        ORDER BY i.created_at DESC, i.id DESC LIMIT $5`,
      [userId, this.fanoutMaxFollowers, cursor?.createdAt ?? null, cursor?.id ?? null, count],
    );
  }
}
