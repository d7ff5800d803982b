import { randomUUID } from 'node:crypto';
import { createLogger } from '@link-archive/core';
import { HALF_LIFE_HOURS, addLinkActivity } from '@link-archive/feed-domain';
import { stack } from '@link-archive/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedDataSource } from '../data-source';

const ds = feedDataSource({
  url: stack().databaseUrl,
  poolSize: 2,
  logger: createLogger('link-scores-test'),
});
beforeAll(() => ds.initialize());
afterAll(() => ds.destroy());

const HOUR = 3_600_000;

describe('link scores', () => {
  it('order links as their activity decayed to now would, however many saves and reviews each has', async () => {
    const now = Date.now();
    // hours ago of each link's saves and reviews
    const activity: Record<string, number[]> = {
      fresh: [0],
      twoOfADay: [24, 24], // 2 × 1/4 = 0.5
      threeOfHalfADay: [12, 12, 12], // 3 × 1/2 = 1.5
      manyOld: Array.from({ length: 40 }, () => 72), // 40 × 1/64 = 0.625
      mixed: [1, 30, 200],
    };
    const ids = Object.fromEntries(Object.keys(activity).map((name) => [name, randomUUID()]));
    for (const [name, hoursAgo] of Object.entries(activity))
      for (const h of hoursAgo) await addLinkActivity(ds, ids[name]!, new Date(now - h * HOUR));

    const decayed = (hoursAgo: number[]) => hoursAgo.reduce((sum, h) => sum + 2 ** (-h / HALF_LIFE_HOURS), 0);
    const expected = Object.keys(activity).sort((a, b) => decayed(activity[b]!) - decayed(activity[a]!));
    const rows = (await ds.query(
      'SELECT link_id AS id, weight_log2 AS w FROM feed.link_scores WHERE link_id = ANY($1::uuid[]) ORDER BY weight_log2 DESC',
      [Object.values(ids)],
    )) as { id: string; w: number }[];
    const names = rows.map((r) => Object.keys(ids).find((name) => ids[name] === r.id));
    expect(names).toEqual(expected);

    // the stored score is the log2 of the summed weights: differences match the decayed sums' ratios exactly
    const score = (name: string) => rows.find((r) => r.id === ids[name])!.w;
    for (const name of Object.keys(activity))
      expect(score(name) - score('fresh')).toBeCloseTo(Math.log2(decayed(activity[name]!) / decayed([0])), 6);
  });
});
