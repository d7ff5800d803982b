import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

/**
 * The Redis key prefix of a local stack when REDIS_PREFIX is unset: one per data directory, so two checkouts
 * (or a checkout and old test runs) sharing one Redis never share queues, limits, revocations or caches.
 */
export function localRedisPrefix(dataDirectory: string): string {
  const id = createHash('sha256').update(resolve(dataDirectory)).digest('hex').slice(0, 10);
  return `la_${id}:`;
}
