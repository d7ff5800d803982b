import type { ForwardedIdentity, Redis } from '@link-archive/core';
import type { NextFunction, Request, Response } from 'express';
import { retryLater } from '../graphql/http-errors';
import type { VerifiedPartnerKey } from '../partners/partner-keys';

type CountingRedis = Redis & { countWithExpiry?: (key: string, seconds: number) => Promise<number> };

/**
 * INCR and, on a new key, EXPIRE, as one script: a single command, so the gateway's auto-pipelining sends it in
 * the same write as other requests' commands (a MULTI goes out as a write of its own).
 */
function countWithExpiry(redis: CountingRedis, key: string, seconds: number): Promise<number> {
  if (!redis.countWithExpiry) {
    redis.defineCommand('countWithExpiry', {
      numberOfKeys: 1,
      lua: "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end return n",
    });
  }
  return redis.countWithExpiry!(key, seconds);
}

/**
 * Counts one request against its viewer, partner key or IP for the current minute, in Redis so every gateway
 * replica shares it. Returns the seconds to wait when over the limit, else null. HTTP requests and operations
 * sent over a WebSocket count alike.
 */
export async function overRateLimit(
  redis: Redis,
  identity: ForwardedIdentity,
  perMinute: number,
): Promise<number | null> {
  const subject = identity.viewer
    ? `u:${identity.viewer.userId}`
    : identity.partnerKeyId
      ? `k:${identity.partnerKeyId}`
      : `ip:${identity.clientIp}`;
  const key = `ratelimit:gateway:${subject}:${Math.floor(Date.now() / 60_000)}`;
  try {
    const count = await countWithExpiry(redis, key, 61);
    if (count > perMinute) return 60 - Math.floor((Date.now() / 1000) % 60);
  } catch {
    // Redis down: serve rather than refuse everyone; login limits in the user subgraph still apply
  }
  return null;
}

export function rateLimit(redis: Redis, perMinute: number) {
  return async (_req: Request, res: Response, next: NextFunction) => {
    // a partner key may have a limit of its own
    const limit = (res.locals.partner as VerifiedPartnerKey | undefined)?.ratePerMinute ?? perMinute;
    const retryAfter = await overRateLimit(redis, res.locals.identity as ForwardedIdentity, limit);
    if (retryAfter !== null) {
      return retryLater(res, 429, retryAfter, 'Too many requests');
    }
    next();
  };
}
