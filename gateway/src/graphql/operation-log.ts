import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@link-archive/core';
import { Counter } from 'prom-client';
import type { GatewayContext } from './context';

const operations = new Counter({
  name: 'graphql_operations_total',
  help: 'GraphQL operations by name, type and outcome',
  labelNames: ['operation', 'type', 'outcome'],
});

/** One structured log line per operation, with the request id subgraphs also log. */
export function operationLog(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          const outcome = errors?.length ? 'error' : 'ok';
          operations.inc({
            operation: operationName ?? 'anonymous',
            type: operation?.operation ?? 'unknown',
            outcome,
          });
          logger.info(
            {
              requestId: contextValue.identity.requestId,
              operationName,
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
