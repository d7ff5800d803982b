import { randomUUID } from 'node:crypto';
import { createLogger, type Viewer } from '@link-archive/core';
import { isolatedRedis, stack } from '@link-archive/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedDataSource } from '../data-source';
import { TimelineStore } from '../timeline/timeline-store';
import { BigAccountItems, KEPT_PER_ACCOUNT } from './big-account-items';
import { HomeFeedService } from './home-feed.service';

const ds = feedDataSource({ url: stack().databaseUrl, poolSize: 2, logger: createLogger('home-feed-test') });
const redis = isolatedRedis('home_feed_test');

beforeAll(() => ds.initialize());
afterAll(async () => {
  await ds.destroy();
  await redis.cleanup();
});

/** `count` items of `actor`, one a minute back from now, every fifth on a PRIVATE link, every seventh FOLLOWERS. */
async function seedItems(actor: string, count: number): Promise<void> {
  await ds.query(
    `WITH made AS (
       SELECT gen_random_uuid() AS link_id, k, now() - k * interval '1 minute' AS at
         FROM generate_series(1, $2::int) k),
     access AS (
       INSERT INTO feed.link_access (link_id, owner_id, visibility, ready, as_of)
       SELECT link_id, $1,
              CASE WHEN k % 5 = 0 THEN 'PRIVATE' WHEN k % 7 = 0 THEN 'FOLLOWERS' ELSE 'PUBLIC' END, true, now()
         FROM made)
     INSERT INTO feed.feed_items (kind, actor_id, link_id, link_owner_id, dedupe_key, created_at)
     SELECT 'LINK_SAVED', $1, link_id, $1, 'LINK_SAVED:' || link_id, at FROM made`,
    [actor, count],
  );
}

describe('homeFeed merging big accounts', () => {
  it('pages past the kept window: newest first, nothing twice, nothing missed, hidden items left out', async () => {
    const reader = randomUUID();
    const stars = [randomUUID(), randomUUID()];
    for (const star of stars) {
      await ds.query('INSERT INTO feed.follows (follower_id, followee_id) VALUES ($1, $2)', [reader, star]);
      await ds.query('INSERT INTO feed.follower_counts (user_id, followers) VALUES ($1, 1000)', [star]);
      await seedItems(star, KEPT_PER_ACCOUNT + 60);
    }
    // every followee is over this threshold: all of them are merged at read time
    const service = new HomeFeedService(ds, new TimelineStore(redis.client()), 10, new BigAccountItems(ds));
    const viewer: Viewer = { userId: reader, role: 'USER', plan: 'FREE', anonymous: false, sessionId: 's' };

    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const page = await service.page(viewer, 45, after);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }

    const expected = (
      (await ds.query(
        `SELECT i.id FROM feed.feed_items i JOIN feed.link_access a ON a.link_id = i.link_id
          WHERE i.actor_id = ANY($1::uuid[]) AND a.visibility <> 'PRIVATE'
          ORDER BY i.created_at DESC, i.id DESC`,
        [stars],
      )) as { id: string }[]
    ).map((r) => r.id);
    // the reader follows the owners: FOLLOWERS links are theirs to see, PRIVATE ones never
    expect(expected.length).toBe(2 * (KEPT_PER_ACCOUNT + 60 - Math.floor((KEPT_PER_ACCOUNT + 60) / 5)));
    expect(seen).toEqual(expected);
  });
});
