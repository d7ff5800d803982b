import type { Response } from 'express';

/** A GraphQL-shaped error response for refusals that happen before GraphQL execution. */
export function graphqlError(
  res: Response,
  status: number,
  code: string,
  message: string,
  extensions: Record<string, unknown> = {},
): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extensions } }] });
}

/** A RATE_LIMITED refusal: try again in `retryAfter` seconds, said in the header and in the error alike. */
export function retryLater(res: Response, status: number, retryAfter: number, message: string): void {
  res.setHeader('retry-after', String(retryAfter));
  graphqlError(res, status, 'RATE_LIMITED', message, { retryAfter });
}
