import { print } from 'graphql';
import { RefreshSessionDocument } from '../generated/graphql';
import type { RefreshTokens } from './token-session';

/** Answers that mean the refresh token is no good any more: the session is over. */
const SIGNED_OUT = new Set(['UNAUTHENTICATED', 'ACCOUNT_SUSPENDED', 'BAD_USER_INPUT']);

interface RefreshAnswer {
  data?: { refreshSession?: { accessToken: string; refreshToken: string; expiresAt: string } | null } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * refreshSession as a plain POST (not through the client's links, whose refresh on 401 would call it again).
 * A refusal answers null; a network failure or a server error throws, keeping the session for a later try.
 */
export function refreshOverHttp(
  httpUrl: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 15_000,
): RefreshTokens {
  const query = print(RefreshSessionDocument);
  return async (refreshToken) => {
    const response = await fetchImpl(httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables: { refreshToken }, operationName: 'RefreshSession' }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const answer = (await response.json().catch(() => ({}))) as RefreshAnswer;
    const tokens = answer.data?.refreshSession;
    if (tokens)
      return {
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expiresAt: tokens.expiresAt,
      };
    const code = answer.errors?.[0]?.extensions?.code;
    if (code && SIGNED_OUT.has(code)) return null;
    throw new Error(`refreshSession failed: HTTP ${response.status}${code ? ` ${code}` : ''}`);
  };
}
