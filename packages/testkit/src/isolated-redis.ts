import { randomBytes } from 'node:crypto';
import { createRedis, type Redis } from '@link-archive/core';
import { deleteKeysWithPrefix } from '@link-archive/devstack';

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
      await deleteKeysWithPrefix(url, prefix);
      for (const client of clients) client.disconnect();
    },
  };
}
