import { randomBytes } from 'node:crypto';
import { createRedis, type Redis } from '@link-archive/core';
import IORedis from 'ioredis';

/**
 * Redis clients under a key prefix of one test file's own, on REDIS_URL or 127.0.0.1:6379, and a cleanup
 * that deletes every key under it and disconnects them.
 */
export function isolatedRedis(name: string) {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `la_${name}_${randomBytes(4).toString('hex')}:`;
  const clients: Redis[] = [];
  return {
    url,
    prefix,
    client(): Redis {
      const client = createRedis(url, prefix);
      clients.push(client);
      return client;
    },
    async cleanup(): Promise<void> {
      const raw = new IORedis(url);
      let cursor = '0';
      do {
        const [next, keys] = await raw.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        if (keys.length) await raw.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      raw.disconnect();
      for (const client of clients) client.disconnect();
    },
  };
}
