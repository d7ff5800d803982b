import { GraphQLError } from 'graphql';

/** The error codes of the API contract; anything else is masked as INTERNAL_SERVER_ERROR. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  RATE_LIMITED: 'RATE_LIMITED',
  /** The account was suspended by an ADMIN: no sign-in, no session refresh. */
  ACCOUNT_SUSPENDED: 'ACCOUNT_SUSPENDED',
  QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_IN_LIST: 'PERSISTED_QUERY_NOT_IN_LIST',
  /** A subgraph did not answer: the fields at the error's path are missing, the rest is served. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const typed = (code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extensions } });

// no HTTP status here: a subgraph answering 401 would make the gateway discard the whole response
export const unauthenticated = (message = 'Authentication required') =>
  typed(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'Not allowed') => typed(ErrorCode.FORBIDDEN, message);
export const badInput = (field: string, message: string) =>
  typed(ErrorCode.BAD_USER_INPUT, message, { field });
export const accountSuspended = () =>
  typed(ErrorCode.ACCOUNT_SUSPENDED, 'This account is suspended; contact support');
export const notFound = (what: string) => typed(ErrorCode.NOT_FOUND, `${what} not found`);
export const rateLimited = (retryAfterSeconds: number, message = 'Too many requests') =>
  typed(ErrorCode.RATE_LIMITED, message, { retryAfter: retryAfterSeconds });
