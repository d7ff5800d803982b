import { randomUUID } from 'node:crypto';
import { createRedis, type ForwardedIdentity } from '@link-archive/core';
import { afterAll, describe, expect, it } from 'vitest';
import { overRateLimit } from './rate-limit';

const redis = createRedis(
  process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  `ratelimit_test_${randomUUID()}:`,
  {
    enableAutoPipelining: true,
  },
);
afterAll(() => redis.disconnect());

const viewer = (userId: string): ForwardedIdentity => ({
  viewer: { userId, role: 'USER', plan: 'FREE', anonymous: false, sessionId: 's' },
  partnerKeyId: null,
  clientIp: '10.0.0.1',
  requestId: 'r',
});

describe('overRateLimit', () => {
  it('lets perMinute requests through per subject, refuses the next with the seconds to wait, and expires its count', async () => {
    const alice = viewer(randomUUID());
    const results = await Promise.all(Array.from({ length: 5 }, () => overRateLimit(redis, alice, 3)));
    expect(results.filter((r) => r === null)).toHaveLength(3);
    for (const wait of results.filter((r) => r !== null)) expect(wait).toBeGreaterThan(0);
    // another subject has its own count
    expect(await overRateLimit(redis, viewer(randomUUID()), 3)).toBeNull();
    const [key] = await redis.keys(`${redis.options.keyPrefix}ratelimit:gateway:u:${alice.viewer!.userId}:*`);
    const ttl = await redis.ttl(key!.slice(redis.options.keyPrefix!.length));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(61);
  });
});
