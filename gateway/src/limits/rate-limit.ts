import type { ForwardedIdentity, Redis } from '@link-archive/core';
import type { NextFunction, Request, Response } from 'express';
import { graphqlError } from '../graphql/http-errors';

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
    const [[, count]] = (await redis.multi().incr(key).expire(key, 61).exec()) as [[null, number]];
    if (count > perMinute) return 60 - Math.floor((Date.now() / 1000) % 60);
  } catch {
    // Redis down: serve rather than refuse everyone; login limits in the user subgraph still apply
  }
  return null;
}

export function rateLimit(redis: Redis, perMinute: number) {
  return async (_req: Request, res: Response, next: NextFunction) => {
    const retryAfter = await overRateLimit(redis, res.locals.identity as ForwardedIdentity, perMinute);
    if (retryAfter !== null) {
      res.setHeader('retry-after', String(retryAfter));
      return graphqlError(res, 429, 'RATE_LIMITED', 'Too many requests', { retryAfter });
    }
    next();
  };
}
