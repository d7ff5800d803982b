import type { Server } from 'node:http';
import {
  LIVE_AUDIENCE_EXTENSION,
  INTERNAL_TOKEN_HEADER,
  SUBSCRIPTION_IDENTITY,
  maskErrors,
  verifyInternalToken,
  type ForwardedIdentity,
  type Logger,
  type SignedIdentity,
} from '@link-archive/core';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { z } from 'zod';
import type { BaseContext } from './context';

const MAX_PAYLOAD_BYTES = 64 * 1024;

const signedIdentity: z.ZodType<SignedIdentity> = z.object({
  viewer: z
    .object({
      userId: z.uuid(),
      role: z.enum(['USER', 'ADMIN']),
      plan: z.enum(['FREE', 'BASIC', 'PREMIUM', 'ENTERPRISE']),
      anonymous: z.boolean(),
      sessionId: z.string().max(100),
    })
    .nullable(),
  partnerKeyId: z.string().max(100).nullable(),
  clientIp: z.string().max(100),
});

type ConnectionState = {
  /** Each operation's identity, as the gateway named it when subscribing. */
  identities: Map<string, ForwardedIdentity>;
};

/**
 * graphql-ws on the subgraph's own port and path, for the gateway's subscription layer. Subgraphs trust only
 * the gateway: a connection must present the gateway's signed token in its connection_init payload. The
 * gateway multiplexes its subscribers on one connection, so each subscription names the identity it runs as
 * in its extensions; that identity is the operation's context.
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
  const mask = maskErrors(options.logger);
  const cleanup = useServer<Record<string, unknown>, ConnectionState>(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        const token = ctx.connectionParams?.[INTERNAL_TOKEN_HEADER];
        if (typeof token !== 'string') return false;
        try {
          await verifyInternalToken(options.internalSecret, token);
          ctx.extra.identities = new Map();
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: (ctx, id, payload) => {
        const parsed = signedIdentity.safeParse(payload.extensions?.[SUBSCRIPTION_IDENTITY]);
        if (!parsed.success) {
          return [
            new GraphQLError('subscription without an identity', { extensions: { code: 'BAD_REQUEST' } }),
          ];
        }
        ctx.extra.identities?.set(id, { ...parsed.data, requestId: `subscription:${id}`.slice(0, 64) });
      },
      context: (ctx, id) => {
        const identity = ctx.extra.identities!.get(id)!;
        return options.context({
          identity,
          viewer: identity.viewer,
          requestId: identity.requestId,
          logger: options.logger.child({ requestId: identity.requestId }),
        });
      },
      onNext: (_ctx, _id, _payload, args, result) => {
        // the audience a field set while resolving this event (events of one subscription run one at a time)
        const context = args.contextValue as BaseContext;
        const audience = context.liveAudience;
        context.liveAudience = undefined;
        if (!result.errors && !audience) return undefined;
        return {
          ...result,
          ...(result.errors && { errors: result.errors.map((e) => mask(e.toJSON(), e)) }),
          ...(audience &&
            !result.errors && { extensions: { ...result.extensions, [LIVE_AUDIENCE_EXTENSION]: audience } }),
        };
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => mask(e.toJSON(), e)),
      onComplete: (ctx, id) => void ctx.extra.identities?.delete(id),
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
