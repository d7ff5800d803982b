import { ApolloLink } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { from, switchMap, throwError } from 'rxjs';
import type { TokenSession } from '../session/token-session';
import { isUnauthenticated } from './unauthenticated';

/** The context key holding the access token an operation was sent with. */
const SENT_WITH = 'linkArchiveAccessToken';
const RETRIED = 'linkArchiveRetriedAfterRefresh';

/** Sends the session's access token (refreshed first when it is about to expire). */
export function bearerLink(session: TokenSession): ApolloLink {
  return new SetContextLink(async (context) => {
    const token = await session.accessToken();
    return {
      [SENT_WITH]: token,
      headers: { ...context.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    };
  });
}

/**
 * On 401 (the token expired or was revoked between check and use), refreshes once and sends the same operation
 * again, so nothing the app asked for is lost; a second refusal, or a refused refresh, reaches the app.
 */
export function refreshOnUnauthenticatedLink(session: TokenSession): ApolloLink {
  return new ErrorLink(({ error, operation, forward }) => {
    const context = operation.getContext();
    if (!isUnauthenticated(error) || context[RETRIED] || !context[SENT_WITH]) return;
    return from(session.refresh(context[SENT_WITH] as string)).pipe(
      switchMap((token) => {
        if (!token) return throwError(() => error);
        operation.setContext({ [RETRIED]: true });
        return forward(operation);
      }),
    );
  });
}
