import { decodeCursor, pageSize, toPage, type Page, type Viewer } from '@link-archive/core';
import { preparedRows, queryRows } from '@link-archive/events';
import type { DataSource } from 'typeorm';
import { FeedLinkAccess } from '../access/feed-link-access';
import type { FeedItem } from '../feed-item/feed-item.entity';
import { TIMELINE_CAP, type TimelineStore } from '../timeline/timeline-store';
import type { BigAccountItems } from './big-account-items';
import { firstAfter, newerThan, pickNewest, type Candidate, type CandidateSource } from './candidates';
import { ITEM_COLUMNS, asItem, newestFirst, type ItemRow } from './feed-item-rows';

const MAX_ROUNDS = 5;

/** The statement every home feed page runs (prepared: its plan is kept per connection). */
const VISIBLE_ITEMS_SQL = `SELECT ${ITEM_COLUMNS}
   FROM feed.feed_items i LEFT JOIN feed.link_access a ON a.link_id = i.link_id
  WHERE i.id = ANY($1::uuid[])
    AND EXISTS (SELECT 1 FROM feed.follows f WHERE f.follower_id = $2 AND f.followee_id = i.actor_id)
    AND ${FeedLinkAccess.itemVisibleSql('$2')}`;

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
    const decoded = decodeCursor(after);
    const cursor = decoded && { id: decoded.id, at: decoded.createdAt.getTime() };
    const want = limit + 1;
    const batch = want * 2;
    const userId = viewer.userId;
    let head = await this.timelines.head(userId, cursor?.at ?? null, batch);
    if (!head.built) {
      await this.rebuild(userId);
      head = await this.timelines.head(userId, cursor?.at ?? null, batch);
    }
    const bigFollowees = head.bigFollowees ?? (await this.keepBigFollowees(userId));
    const big = await Promise.all(bigFollowees.map((id) => this.bigAccounts.recent(id)));
    const timeline: CandidateSource = {
      entries: head.entries,
      next: 0,
      complete: head.entries.length < batch,
    };
    const bigSources = big.map((list) => {
      const next = firstAfter(list.entries, cursor);
      return { entries: list.entries, next, complete: list.complete };
    });

    let rows = await this.collect(userId, cursor, want, timeline, bigSources);
    if (!rows) {
      // a big account's kept items end before the page does: PostgreSQL merges the big accounts exactly
      timeline.next = 0;
      const [exact, fromTimeline] = await Promise.all([
        this.fromBigAccountsExactly(userId, decoded, want),
        this.collect(userId, cursor, want, timeline, []),
      ]);
      rows = [...exact, ...(fromTimeline ?? [])];
    }
    const byId = new Map(rows.map((row) => [row.id, asItem(row)]));
    return toPage([...byId.values()].sort(newestFirst).slice(0, want), limit);
  }

  /**
   * The newest `want` visible items after the cursor, taking candidates newest first across the timeline and the
   * big accounts' kept lists and checking each batch of them in one statement. `null` when a kept list runs out
   * before the page is full (what follows it is not in memory).
   */
  private async collect(
    userId: string,
    cursor: Candidate | null,
    want: number,
    timeline: CandidateSource,
    bigSources: CandidateSource[],
  ): Promise<ItemRow[] | null> {
    const batch = want * 2;
    const sources = [timeline, ...bigSources.map((s) => ({ ...s }))];
    const seen = new Set<string>();
    const rows: ItemRow[] = [];
    for (let round = 0; round < MAX_ROUNDS && rows.length < want; round++) {
      const picked: string[] = [];
      while (picked.length < batch) {
        if (timeline.next >= timeline.entries.length && !timeline.complete)
          await this.readMore(userId, timeline);
        const next = pickNewest(sources, seen);
        if (next === 'unknown') return null;
        if (!next) break;
        if (!cursor || newerThan(cursor, next)) picked.push(next.id);
      }
      if (!picked.length) break;
      rows.push(...(await this.visible(userId, picked)));
    }
    return rows;
  }

  /** The timeline's next batch, from the last time read (ties are skipped as already seen). */
  private async readMore(userId: string, timeline: CandidateSource): Promise<void> {
    const batch = Math.max(timeline.entries.length, 1);
    const last = timeline.entries.at(-1);
    const more = await this.timelines.page(userId, last?.at ?? null, batch + 1);
    const known = new Set(timeline.entries.map((e) => e.id));
    const fresh = more.filter((e) => !known.has(e.id));
    timeline.entries.push(...fresh);
    timeline.complete = more.length <= batch || !fresh.length;
  }

  /** The big accounts the person follows, from PostgreSQL, kept beside the timeline a moment. */
  private async keepBigFollowees(userId: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.ds,
      `SELECT f.followee_id AS id FROM feed.follows f JOIN feed.follower_counts c ON c.user_id = f.followee_id
        WHERE f.follower_id = $1 AND c.followers > $2`,
      [userId, this.fanoutMaxFollowers],
    );
    const ids = rows.map((r) => r.id);
    await this.timelines.keepBigFollowees(userId, ids);
    return ids;
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
    return preparedRows<ItemRow>(this.ds, 'home_feed_visible', VISIBLE_ITEMS_SQL, [ids, userId]);
  }

  /** The page's items from followed accounts too big to fan out, merged in PostgreSQL with visibility per account. */
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
