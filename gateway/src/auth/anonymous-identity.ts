import type { ForwardedIdentity } from '@link-archive/core';
import type { NextFunction, Request, Response } from 'express';

/** GATEWAY_AUTH=off: every request is an anonymous reader; credentials are ignored, never verified. */
export function anonymousIdentity(req: Request, res: Response, next: NextFunction): void {
  const identity: ForwardedIdentity = {
    viewer: null,
    partnerKeyId: null,
    clientIp: req.ip ?? 'unknown',
    requestId: res.locals.requestId,
  };
  res.locals.identity = identity;
  next();
}
