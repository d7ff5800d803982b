import { queryRows } from '@link-archive/events';
import type { DataSource } from 'typeorm';
import type { Candidate } from './candidates';
import { EPOCH_MS } from './feed-item-rows';

/** Newest items kept per big account: deeper pages read PostgreSQL. */
export const KEPT_PER_ACCOUNT = 200;
/**
 * How long a kept list is fresh; an older one still serves while it is read again (once), so a refresh never
 * holds readers up (a replica that did not see the account's new item shows it after about this long).
 */
const FRESH_MS = 1_000;
/** Past this, a list is not served at all (its refreshes keep failing): readers wait for PostgreSQL. */
const STALE_MS = 10_000;
const MAX_ACCOUNTS = 10_000;

export interface RecentItems {
  /** Newest first: (created_at, id) descending. */
  entries: Candidate[];
  /** Holds every item the account has (fewer than KEPT_PER_ACCOUNT). */
  complete: boolean;
}

/**
 * The newest item ids of accounts too big to fan out, kept in memory for a moment: thousands of readers merge
 * the same few big accounts into their home feeds, and each read would otherwise scan each account's index.
 * Only ids and times are kept; who may see each item is decided per read, in PostgreSQL.
 */
export class BigAccountItems {
  private readonly kept = new Map<
    string,
    { at: number; items: Promise<RecentItems>; refreshing: Promise<void> | null }
  >();

  constructor(private readonly ds: DataSource) {}

  recent(actorId: string): Promise<RecentItems> {
    const now = Date.now();
    const hit = this.kept.get(actorId);
    if (hit && now - hit.at < FRESH_MS) return hit.items;
    if (hit && now - hit.at < STALE_MS) {
      hit.refreshing ??= this.read(actorId).then(
        (items) => {
          if (this.kept.get(actorId) === hit)
            this.kept.set(actorId, { at: Date.now(), items: Promise.resolve(items), refreshing: null });
        },
        () => {
          hit.refreshing = null;
        },
      );
      return hit.items;
    }
    if (this.kept.size >= MAX_ACCOUNTS) this.kept.clear();
    const items = this.read(actorId);
    const entry = { at: now, items, refreshing: null };
    items.catch(() => {
      if (this.kept.get(actorId) === entry) this.kept.delete(actorId);
    });
    this.kept.set(actorId, entry);
    return items;
  }

  private async read(actorId: string): Promise<RecentItems> {
    const entries = await queryRows<Candidate>(
      this.ds,
      `SELECT id, ${EPOCH_MS('created_at')} AS at FROM feed.feed_items WHERE actor_id = $1
        ORDER BY created_at DESC, id DESC LIMIT ${KEPT_PER_ACCOUNT}`,
      [actorId],
    );
    return { entries, complete: entries.length < KEPT_PER_ACCOUNT };
  }

  /** The account has a new item: the next read takes it from PostgreSQL. */
  forget(actorId: string): void {
    this.kept.delete(actorId);
  }
}
