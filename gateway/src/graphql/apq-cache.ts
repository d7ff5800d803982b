import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Redis } from '@link-archive/core';

/** APQ documents in Redis, so every gateway replica shares what a client registered with one. */
export class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: Redis,
    private readonly defaultTtlSeconds = 86_400,
  ) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(`apq:${key}`)) ?? undefined;
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    const ttl = options?.ttl ?? this.defaultTtlSeconds;
    await this.redis.set(`apq:${key}`, value, 'EX', Math.max(1, Math.round(ttl)));
  }

  async delete(key: string): Promise<boolean> {
    return (await this.redis.del(`apq:${key}`)) > 0;
  }
}
