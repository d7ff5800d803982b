import { CombinedGraphQLErrors, ServerError, type ErrorLike } from '@apollo/client';

/** The gateway refused the access token: HTTP 401, or an UNAUTHENTICATED GraphQL error. */
export function isUnauthenticated(error: ErrorLike): boolean {
  if (ServerError.is(error)) return error.statusCode === 401;
  if (CombinedGraphQLErrors.is(error))
    return error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  return false;
}
