import Redis, { type RedisOptions } from 'ioredis';

export type { Redis };

/** One Redis client per purpose; keyPrefix isolates deployments and test runs sharing a server. */
export function createRedis(url: string, keyPrefix: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    keyPrefix,
    connectTimeout: 5_000,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    ...options,
  });
}
