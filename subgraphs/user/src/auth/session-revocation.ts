import { revokedSessionKey, revokedSessionsChannel, type Redis } from '@link-archive/core';
import { ACCESS_TOKEN_TTL_SECONDS } from './token-signer';

/**
 * Access tokens are stateless for 15 minutes; a revoked session's id is kept in Redis that long so the
 * gateway refuses its access tokens at once, and published so its open WebSockets close (4403) at once.
 */
export async function announceRevokedSessions(
  redis: Redis,
  redisPrefix: string,
  sessionIds: string[],
): Promise<void> {
  if (sessionIds.length === 0) return;
  const pipeline = redis.pipeline();
  for (const id of sessionIds) pipeline.set(revokedSessionKey(id), '1', 'EX', ACCESS_TOKEN_TTL_SECONDS + 60);
  pipeline.publish(revokedSessionsChannel(redisPrefix), JSON.stringify(sessionIds));
  await pipeline.exec();
}
