import type { Server } from 'node:http';
import {
  INTERNAL_TOKEN_HEADER,
  verifyInternalToken,
  type ForwardedIdentity,
  type Logger,
} from '@link-archive/core';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { BaseContext } from './context';

const MAX_PAYLOAD_BYTES = 64 * 1024;

/**
 * graphql-ws on the subgraph's own port and path, for the gateway's subscription layer. Subgraphs trust only
 * the gateway, so a connection must present the gateway's signed token in its connection_init payload; the
 * identity inside it is the context of every operation on that connection.
 */
export function startSubscriptionServer<C extends BaseContext>(options: {
  httpServer: Server;
  path: string;
  schema: GraphQLSchema;
  internalSecret: string;
  logger: Logger;
  context: (base: BaseContext) => C;
}): { close: () => Promise<void> } {
  const wss = new WebSocketServer({
    server: options.httpServer,
    path: options.path,
    maxPayload: MAX_PAYLOAD_BYTES,
  });
  const cleanup = useServer<Record<string, unknown>, { identity?: ForwardedIdentity }>(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        const token = ctx.connectionParams?.[INTERNAL_TOKEN_HEADER];
        if (typeof token !== 'string') return false;
        try {
          const identity = await verifyInternalToken(options.internalSecret, token);
          const requestId = String(ctx.connectionParams?.requestId ?? '').slice(0, 64) || 'subscription';
          ctx.extra.identity = { ...identity, requestId };
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx) => {
        const identity = ctx.extra.identity!;
        return options.context({
          identity,
          viewer: identity.viewer,
          requestId: identity.requestId,
          logger: options.logger.child({ requestId: identity.requestId }),
        });
      },
    },
    wss,
  );
  return {
    close: async () => {
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
