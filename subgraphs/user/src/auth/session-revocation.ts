import { revokedSessionKey, revokedSessionsChannel, type Redis } from '@link-archive/core';
import { queryRows, type Queryable } from '@link-archive/events';
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

/**
 * Ends every session of an account (but `keep`) in the caller's transaction: its refresh tokens are revoked.
 * Answers the sessions ended, to announce with announceRevokedSessions once the transaction commits.
 */
export async function revokeUserSessions(tx: Queryable, userId: string, keep?: string): Promise<string[]> {
  const rows = await queryRows<{ family_id: string }>(
    tx,
    `UPDATE "user".refresh_tokens SET revoked_at = now()
      WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR family_id <> $2::uuid)
      RETURNING family_id`,
    [userId, keep ?? null],
  );
  return [...new Set(rows.map((r) => r.family_id))];
}
