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
