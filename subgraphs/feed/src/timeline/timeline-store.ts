import type { Redis } from '@link-archive/core';

/** Items kept per person's home timeline; older ones are read from PostgreSQL by the rebuild only. */
export const TIMELINE_CAP = 1_000;
/** A timeline nobody read for this long is dropped (and rebuilt from PostgreSQL on the next read). */
const TIMELINE_TTL_SECONDS = 7 * 86_400;
/**
 * How long the list of big accounts a person follows is kept beside the timeline. A follow or unfollow drops it
 * with the timeline; an account growing past the fan-out threshold joins it within this long.
 */
const BIG_FOLLOWEES_TTL_SECONDS = 10;

export interface TimelineEntry {
  id: string;
  /** The item's creation time in ms: the timeline's order. */
  at: number;
}

/**
 * Per-person home timelines in Redis (fan-out on write), sorted by item time: a cache of what PostgreSQL
 * holds. A timeline exists only once built; a lost one (Redis flushed, TTL, a follow or unfollow) is rebuilt
 * from PostgreSQL on the next read, and pushes to one that is not built are skipped.
 */
export class TimelineStore {
  constructor(private readonly redis: Redis) {}

  private key = (userId: string) => `timeline:${userId}`;
  private builtKey = (userId: string) => `timeline:${userId}:built`;
  private bigKey = (userId: string) => `timeline:${userId}:big`;

  /**
   * A home feed's first read in one round trip: whether the timeline is built, its newest entries at or before
   * `beforeAt`, and the big accounts the person follows if still kept (`null` otherwise).
   */
  async head(
    userId: string,
    beforeAt: number | null,
    count: number,
  ): Promise<{ built: boolean; entries: TimelineEntry[]; bigFollowees: string[] | null }> {
    const replies = (await this.redis
      .pipeline()
      .exists(this.builtKey(userId))
      .zrevrangebyscore(this.key(userId), beforeAt ?? '+inf', '-inf', 'WITHSCORES', 'LIMIT', 0, count)
      .get(this.bigKey(userId))
      .exec()) as [Error | null, unknown][];
    const failed = replies.find(([err]) => err);
    if (failed) throw failed[0];
    const [[, built], [, flat], [, big]] = replies;
    return {
      built: built === 1,
      entries: entriesOf(flat as string[]),
      bigFollowees: typeof big === 'string' ? (big ? big.split(',') : []) : null,
    };
  }

  async keepBigFollowees(userId: string, ids: string[]): Promise<void> {
    await this.redis.set(this.bigKey(userId), ids.join(','), 'EX', BIG_FOLLOWEES_TTL_SECONDS);
  }

  /**
   * Starts a timeline over: empty and marked built, so items fanned out from now on land in it while its history
   * is read from PostgreSQL (then added with `fill`): nothing committed meanwhile is missed.
   */
  async beginRebuild(userId: string): Promise<void> {
    await this.redis
      .multi()
      .del(this.key(userId))
      .set(this.builtKey(userId), '1', 'EX', TIMELINE_TTL_SECONDS)
      .exec();
  }

  /** Adds a timeline's history read from PostgreSQL (alongside anything pushed since beginRebuild). */
  async fill(userId: string, entries: TimelineEntry[]): Promise<void> {
    const multi = this.redis.multi();
    if (entries.length) multi.zadd(this.key(userId), ...entries.flatMap((e) => [e.at, e.id]));
    await multi
      .zremrangebyrank(this.key(userId), 0, -(TIMELINE_CAP + 1))
      .expire(this.key(userId), TIMELINE_TTL_SECONDS)
      .exec();
  }

  /** Adds one item to the built timelines of these people, each capped to TIMELINE_CAP. */
  async push(userIds: string[], entry: TimelineEntry): Promise<void> {
    if (!userIds.length) return;
    const built = await this.redis.mget(...userIds.map(this.builtKey));
    const multi = this.redis.multi();
    userIds.forEach((userId, i) => {
      if (!built[i]) return;
      multi
        .zadd(this.key(userId), entry.at, entry.id)
        .zremrangebyrank(this.key(userId), 0, -(TIMELINE_CAP + 1));
    });
    await multi.exec();
  }

  /** Entries at or before `beforeAt` (ms), newest first; ties are resolved by the caller with the item id. */
  async page(userId: string, beforeAt: number | null, count: number): Promise<TimelineEntry[]> {
    return entriesOf(
      await this.redis.zrevrangebyscore(
        this.key(userId),
        beforeAt === null ? '+inf' : String(beforeAt),
        '-inf',
        'WITHSCORES',
        'LIMIT',
        0,
        count,
      ),
    );
  }

  async invalidate(userId: string): Promise<void> {
    await this.redis.del(this.key(userId), this.builtKey(userId), this.bigKey(userId));
  }
}

function entriesOf(flat: string[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (let i = 0; i < flat.length; i += 2) entries.push({ id: flat[i]!, at: Number(flat[i + 1]) });
  return entries;
}
