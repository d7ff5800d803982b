import { randomUUID } from 'node:crypto';
import {
  INTERNAL_TOKEN_HEADER,
  REQUEST_ID_HEADER,
  verifyInternalToken,
  type ForwardedIdentity,
} from '@link-archive/core';
import type { NextFunction, Request, Response } from 'express';

/**
 * Subgraphs trust only the gateway: every request must carry the gateway's signed token, and the
 * identity comes from inside it, never from a header a client could set.
 */
export function requireGateway(secret: string) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = req.header(INTERNAL_TOKEN_HEADER);
    if (!token) return refuse(res, 'This service only accepts requests from the gateway');
    try {
      const requestId = req.header(REQUEST_ID_HEADER)?.slice(0, 64) || randomUUID();
      res.locals.identity = {
        ...(await verifyInternalToken(secret, token)),
        requestId,
      } satisfies ForwardedIdentity;
      next();
    } catch {
      refuse(res, 'Invalid gateway credential');
    }
  };
}

function refuse(res: Response, message: string) {
  res.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
}
