import { generateHydratedPaths } from '@apollo/gateway/dist/executeQueryPlan';
import { ERRORS, errorCodeDef } from '@apollo/federation-internals';
import type { FetchNode, ResponsePath } from '@apollo/query-planner';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Where a fetch's results go in the client's response, and the response they go into. */
export interface Cursor {
  path: ResponsePath;
  data: unknown;
  fullResult: Record<string, unknown>;
}

type SubgraphError = NonNullable<GatewayGraphQLResponse['errors']>[number];

/**
 * An error path in a subgraph's answer as a path in the client's response: for an entity fetch, the entity's
 * own path (its index among the representations, hydrated from the response only when an error needs it).
 */
function errorPaths(fetch: FetchNode, cursor: Cursor) {
  let hydrated: ResponsePath[] | undefined;
  return (errorPath: readonly (string | number)[] | undefined): ResponsePath | undefined => {
    if (fetch.requires && typeof errorPath?.[1] === 'number') {
      if (!hydrated) {
        hydrated = [];
        generateHydratedPaths([], cursor.path, cursor.fullResult, hydrated);
      }
      return [...(hydrated[errorPath[1]] ?? []), ...errorPath.slice(2)];
    }
    return errorPath ? [...cursor.path, ...errorPath] : undefined;
  };
}

/** A subgraph's errors as the client's, as @apollo/gateway reports them (its code, or DOWNSTREAM_SERVICE_ERROR). */
export function downstreamErrors(
  errors: readonly SubgraphError[],
  fetch: FetchNode,
  cursor: Cursor,
): GraphQLError[] {
  const pathOf = errorPaths(fetch, cursor);
  return errors.map((original) => {
    const message = original.message || `Error while fetching subquery from service "${fetch.serviceName}"`;
    const options = {
      originalError: original as Error,
      path: pathOf(original.path as (string | number)[] | undefined),
      extensions: { ...original.extensions, serviceName: fetch.serviceName },
    };
    const code = errorCodeDef(original as GraphQLFormattedError);
    if (!code && original.extensions?.code) return new GraphQLError(message, options);
    return (code ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
  });
}
