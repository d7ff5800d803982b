import { randomUUID } from 'node:crypto';
import { badInput, pageSize, type Logger, type Page, type Redis } from '@link-archive/core';
import { queryRows } from '@link-archive/events';
import type { DataSource } from 'typeorm';
import type { FeedItem } from '../feed-item/feed-item.entity';
import { ITEM_COLUMNS, asItem, type ItemRow } from '../home/feed-item-rows';

const RANKED = 500;
/** The best-scored links looked at first, and when too few of those are PUBLIC (bounded either way). */
const CANDIDATES = [RANKED * 4, RANKED * 100];
/** A ranking stays readable this long after a newer one replaced it, so open cursors keep their order. */
const SNAPSHOT_SECONDS = 600;

/**
 * popularFeed: PUBLIC READY links ranked by their saves and reviews with exponential time decay (scores kept as
 * activity happens, feed-domain's link-scores). The ranking is read in PostgreSQL every `refreshMs` by one
 * replica at a time and kept in Redis as a snapshot; a cursor names its snapshot and position, so paging is
 * stable while new rankings appear. Every page is checked against the links' current visibility: a link made
 * PRIVATE or deleted leaves at once.
 */
export class PopularFeedService {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly redis: Redis,
    private readonly logger: Logger,
  ) {}

  start(refreshMs: number): void {
    const tick = () =>
      this.refresh(refreshMs).catch((err) =>
        this.logger.warn({ err: err.message }, 'popular feed refresh failed'),
      );
    void tick();
    this.timer = setInterval(tick, refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Ranks now unless another replica did within the interval. */
  async refresh(refreshMs: number, force = false): Promise<void> {
    if (!force && !(await this.redis.set('popular:lock', '1', 'PX', Math.max(1_000, refreshMs - 500), 'NX')))
      return;
    // the best-scored links first, then who may see them; only when too few of those are PUBLIC do many more
    let rows = await this.rank(CANDIDATES[0]!);
    if (rows.length < RANKED) rows = await this.rank(CANDIDATES[1]!);
    const version = randomUUID();
    const key = `popular:${version}`;
    const multi = this.redis.multi();
    if (rows.length) multi.rpush(key, ...rows.map((r) => r.itemId));
    await multi.expire(key, SNAPSHOT_SECONDS).set('popular:current', version, 'EX', SNAPSHOT_SECONDS).exec();
  }

  /** The top links by decayed activity, among the `candidates` best scored before visibility. */
  private rank(candidates: number): Promise<{ itemId: string }[]> {
    return queryRows<{ itemId: string }>(
      this.ds,
      `SELECT saved.id AS "itemId"
         FROM (SELECT link_id, weight_log2 FROM feed.link_scores
                ORDER BY weight_log2 DESC, link_id LIMIT ${candidates}) s
         JOIN feed.link_access a ON a.link_id = s.link_id
         JOIN feed.feed_items saved ON saved.link_id = s.link_id AND saved.kind = 'LINK_SAVED'
        WHERE a.visibility = 'PUBLIC' AND NOT a.deleted AND a.ready
        ORDER BY s.weight_log2 DESC, s.link_id, saved.id LIMIT ${RANKED}`,
    );
  }

  async page(first?: number | null, after?: string | null): Promise<Page<FeedItem>> {
    const limit = pageSize(first);
    const cursor = after ? parseCursor(after) : null;
    let version = cursor?.version ?? (await this.redis.get('popular:current'));
    if (!version) {
      await this.refresh(0, true);
      version = await this.redis.get('popular:current');
    }
    let offset = cursor?.offset ?? 0;
    const edges: Page<FeedItem>['edges'] = [];
    let more = true;
    while (edges.length < limit && more) {
      const ids = await this.redis.lrange(`popular:${version}`, offset, offset + limit * 2 - 1);
      more = ids.length === limit * 2;
      const visible = new Map(
        (
          await queryRows<ItemRow>(
            this.ds,
            `SELECT ${ITEM_COLUMNS} FROM feed.feed_items i JOIN feed.link_access a ON a.link_id = i.link_id
              WHERE i.id = ANY($1::uuid[]) AND a.visibility = 'PUBLIC' AND NOT a.deleted`,
            [ids],
          )
        ).map((r) => [r.id, r]),
      );
      for (const [i, id] of ids.entries()) {
        const row = visible.get(id);
        if (row && edges.length < limit)
          edges.push({ cursor: encodeCursor(version!, offset + i + 1), node: asItem(row) });
        if (edges.length === limit) {
          more = more || i < ids.length - 1;
          offset += i + 1;
          break;
        }
      }
      if (edges.length < limit) offset += ids.length;
    }
    return { edges, pageInfo: { hasNextPage: more, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}

const encodeCursor = (version: string, offset: number) =>
  Buffer.from(`popular|${version}|${offset}`).toString('base64url');

function parseCursor(after: string): { version: string; offset: number } {
  const [tag, version, offset] = Buffer.from(after, 'base64url').toString().split('|');
  const n = Number(offset);
  if (tag !== 'popular' || !version || !Number.isInteger(n) || n < 0 || n > 100_000)
    throw badInput('after', 'not a popularFeed cursor');
  return { version, offset: n };
}
