import cors from 'cors';
import type { RequestHandler } from 'express';

/** The origins a CORS_ORIGINS value names: exact origins, comma-separated (a trailing slash is ignored). */
export const originsOf = (list: string): string[] =>
  list
    .split(',')
    .map((o) => o.trim().replace(/\/$/, ''))
    .filter(Boolean);

/**
 * Which browser pages may call the gateway over HTTP: pages of the listed origins (the web admin) get CORS
 * headers, any other origin gets none and its browser refuses the answer. `*` lets any page call without
 * credentials. Credentials (cookies, HTTP auth) are off unless asked for: the app and the admin send bearer
 * tokens, which need none.
 */
export function corsPolicy(origins: string[], credentials: boolean): RequestHandler {
  const anyOrigin = origins.includes('*');
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, !!origin && (anyOrigin || allowed.has(origin))),
    credentials,
    methods: ['GET', 'POST'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
  });
}
