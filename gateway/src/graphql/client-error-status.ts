import type { ApolloServerPlugin } from '@apollo/server';

// refusals before execution that are the client's doing, and the HTTP status each answers with
const STATUS_BY_CODE: Record<string, number> = {
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
};

/**
 * A request refused before it ran (a syntax error, a limit, the introspection guard) answers with a 4xx, so
 * 5xx stays the signal of a server fault. Responses that ran (they carry `data`, even null) keep 200: clients
 * read their errors from the body.
 */
export function clientErrorStatus(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data !== undefined || !errors?.length) return;
          const statuses = errors.map((e) => STATUS_BY_CODE[String(e.extensions?.code)]);
          if (statuses.some((s) => s === undefined)) return;
          response.http.status = Math.max(...(statuses as number[]));
        },
      };
    },
  };
}
