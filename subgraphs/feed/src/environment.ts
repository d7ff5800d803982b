import { parseEnvironment } from '@link-archive/core';
import { subgraphEnvironment } from '@link-archive/federation';
import { z } from 'zod';

export const feedEnvironment = subgraphEnvironment(4004).extend({
  /** Accounts with more followers than this are not fanned out on write: their items are merged at read time. */
  FANOUT_MAX_FOLLOWERS: z.coerce.number().int().min(0).max(10_000_000).default(10_000),
  /** How often popularFeed's ranking is computed again. */
  POPULAR_REFRESH_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
});
export type FeedEnvironment = z.infer<typeof feedEnvironment>;

export const loadEnvironment = (): FeedEnvironment => parseEnvironment(feedEnvironment);
