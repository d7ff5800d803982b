import type { IncomingMessage } from 'node:http';

/** The token of an `Authorization: Bearer …` header; null when the header is absent or another scheme. */
export const bearerToken = (authorization: string | undefined): string | null =>
  /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? null;

/** The cookie a browser tab (the Playground, the queue board) carries an ADMIN's access token in. */
export const ACCESS_TOKEN_COOKIE = 'la_access_token';

function cookie(req: IncomingMessage, name: string): string | null {
  const value = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([key]) => key === name)?.[1];
  if (!value) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * Where a request's (HTTP or WebSocket upgrade) access token is: an Authorization header, or else the access-token cookie. `present` says
 * whether the request tried to authenticate at all (a present but unusable one is refused, not ignored).
 */
export function requestCredential(req: IncomingMessage): { present: boolean; token: string | null } {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) return { present: true, token: bearerToken(authorization) };
  const fromCookie = cookie(req, ACCESS_TOKEN_COOKIE);
  return { present: fromCookie !== null, token: fromCookie };
}
