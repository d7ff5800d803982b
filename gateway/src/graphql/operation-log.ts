import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@link-archive/core';
import { Counter } from 'prom-client';
import type { GatewayContext } from './context';

const operations = new Counter({
  name: 'graphql_operations_total',
  help: 'GraphQL operations by name, type and outcome',
  labelNames: ['operation', 'type', 'outcome'],
});

/**
 * One structured log line per operation, with the request id subgraphs also log: its name (as resolved, or
 * as the request named it), the persisted query's id when it came as one, its type, outcome and duration.
 */
export function operationLog(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, operation, errors, request, queryHash }) {
          const outcome = errors?.length ? 'error' : 'ok';
          const name = operationName ?? operation?.name?.value ?? request.operationName ?? null;
          const persisted = request.extensions?.persistedQuery as { sha256Hash?: string } | undefined;
          operations.inc({
            operation: name ?? 'anonymous',
            type: operation?.operation ?? 'unknown',
            outcome,
          });
          logger.info(
            {
              requestId: contextValue.identity.requestId,
              operationName: name,
              persistedQueryId: persisted?.sha256Hash?.slice(0, 64),
              // an anonymous operation is still told apart by its document
              documentHash: name ? undefined : queryHash?.slice(0, 16),
              operationType: operation?.operation,
              userId: contextValue.identity.viewer?.userId,
              partnerKeyId: contextValue.identity.partnerKeyId ?? undefined,
              ms: Math.round(performance.now() - started),
              errors: errors?.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
