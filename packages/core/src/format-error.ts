import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './errors';
import type { Logger } from './logger';

// the contract's codes (but INTERNAL_SERVER_ERROR) and the request errors Apollo Server raises itself
const PASS_THROUGH = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** graphql-js' "Did you mean …?" hints name fields, types and enum values: schema a closed API must not leak. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Typed errors reach the client as they are (without suggestions unless `suggestions`); anything else is
 * logged with context and masked.
 */
export function maskErrors(logger: Logger, options: { suggestions?: boolean } = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH.has(code)) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      const message = options.suggestions ? formatted.message : formatted.message.replace(SUGGESTION, '');
      return { ...formatted, message, extensions };
    }
    const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
    // errors Apollo Server raises on purpose for a bad request (an APQ hash mismatch) carry a 4xx and no code
    const status = (error as GraphQLError)?.extensions?.http as { status?: number } | undefined;
    if (error instanceof GraphQLError && !error.originalError && status?.status && status.status < 500) {
      return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
