import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const VALID = /^[\w.-]{8,64}$/;

/** Every request gets an id (the client's, if sane), echoed back and passed to subgraphs. */
export function requestId(req: Request, res: Response, next: NextFunction): void {
  const given = req.header('x-request-id');
  res.locals.requestId = given && VALID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', res.locals.requestId);
  next();
}
