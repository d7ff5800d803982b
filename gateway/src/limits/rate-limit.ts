import type { ForwardedIdentity, Redis } from '@link-archive/core';
import type { NextFunction, Request, Response } from 'express';
import { graphqlError } from '../graphql/http-errors';

/** Requests per minute per viewer, partner key or IP, in Redis so every gateway replica shares it. */
export function rateLimit(redis: Redis, perMinute: number) {
  return async (_req: Request, res: Response, next: NextFunction) => {
    const identity = res.locals.identity as ForwardedIdentity;
    const subject = identity.viewer
      ? `u:${identity.viewer.userId}`
      : identity.partnerKeyId
        ? `k:${identity.partnerKeyId}`
        : `ip:${identity.clientIp}`;
    const window = Math.floor(Date.now() / 60_000);
    const key = `ratelimit:gateway:${subject}:${window}`;
    try {
      const [[, count]] = (await redis.multi().incr(key).expire(key, 61).exec()) as [[null, number]];
      if (count > perMinute) {
        const retryAfter = 60 - Math.floor((Date.now() / 1000) % 60);
        res.setHeader('retry-after', String(retryAfter));
        return graphqlError(res, 429, 'RATE_LIMITED', 'Too many requests', { retryAfter });
      }
    } catch {
      // Redis down: serve rather than refuse everyone; login limits in the user subgraph still apply
    }
    next();
  };
}
