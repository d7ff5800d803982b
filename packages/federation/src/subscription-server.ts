import type { Server } from 'node:http';
import {
  DELIVERY_CHANNEL_QUERY,
  LIVE_AUDIENCE_EXTENSION,
  INTERNAL_TOKEN_HEADER,
  MEMBER_ID,
  SUBSCRIPTION_DELIVERY,
  SUBSCRIPTION_IDENTITY,
  selectsOnlySharedFields,
  maskErrors,
  verifyInternalToken,
  type ForwardedIdentity,
  type Logger,
  type SignedIdentity,
} from '@link-archive/core';
import { GraphQLError, parse, subscribe, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { z } from 'zod';
import type { BaseContext } from './context';
import { DeliveryChannel } from './live/delivery-channel';
import { memberStream } from './live/member-stream';

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

const deliveryMode = z.union([
  z.object({ member: z.string().regex(MEMBER_ID) }),
  z.object({ channel: z.literal(true) }),
]);

type ConnectionState = {
  /** Each operation's identity, as the gateway named it when subscribing. */
  identities: Map<string, ForwardedIdentity>;
  /** Operations whose events go out on the delivery channel: the gateway's member id and operation key. */
  members: Map<string, { member: string; operationKey: string }>;
  channel: DeliveryChannel;
};

const CHANNEL_DOCUMENT = parse(DELIVERY_CHANNEL_QUERY);
/** The context of the connection's channel subscription (it executes nothing). */
const channelContexts = new WeakMap<object, DeliveryChannel>();
/** The contexts of member subscriptions, with where their events go. */
const memberContexts = new WeakMap<
  object,
  { member: string; operationKey: string; state: ConnectionState }
>();

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
          ctx.extra.members = new Map();
          ctx.extra.channel = new DeliveryChannel();
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: (ctx, id, payload): ExecutionArgs | GraphQLError[] | void => {
        const delivery = payload.extensions?.[SUBSCRIPTION_DELIVERY];
        const mode = delivery === undefined ? null : deliveryMode.safeParse(delivery);
        if (mode && !mode.success) {
          return [new GraphQLError('unknown delivery mode', { extensions: { code: 'BAD_REQUEST' } })];
        }
        if (mode?.data && 'channel' in mode.data) {
          // a channel completed earlier on this connection is replaced by the new one
          if (ctx.extra.channel?.isClosed !== false) ctx.extra.channel = new DeliveryChannel();
          const contextValue = {};
          channelContexts.set(contextValue, ctx.extra.channel);
          return { schema: options.schema, document: CHANNEL_DOCUMENT, contextValue };
        }
        const parsed = signedIdentity.safeParse(payload.extensions?.[SUBSCRIPTION_IDENTITY]);
        if (!parsed.success) {
          return [
            new GraphQLError('subscription without an identity', { extensions: { code: 'BAD_REQUEST' } }),
          ];
        }
        ctx.extra.identities?.set(id, { ...parsed.data, requestId: `subscription:${id}`.slice(0, 64) });
        if (mode?.data && 'member' in mode.data) {
          const operationKey = JSON.stringify([payload.operationName, payload.query, payload.variables]);
          ctx.extra.members?.set(id, { member: mode.data.member, operationKey });
        }
      },
      context: (ctx, id) => {
        const identity = ctx.extra.identities!.get(id)!;
        const context = options.context({
          identity,
          viewer: identity.viewer,
          requestId: identity.requestId,
          logger: options.logger.child({ requestId: identity.requestId }),
        });
        const member = ctx.extra.members?.get(id);
        if (member) memberContexts.set(context, { ...member, state: ctx.extra as ConnectionState });
        return context;
      },
      subscribe: (args) => {
        const context = args.contextValue as object;
        const channel = channelContexts.get(context);
        if (channel) return channel;
        const member = memberContexts.get(context);
        if (!member) return subscribe(args);
        return memberStream(
          args,
          {
            operationKey: member.operationKey,
            shareable: selectsOnlySharedFields(args.document),
            mask: (formatted, error) => mask(formatted, error),
            onError: (err) => options.logger.error({ err }, 'subscription event failed'),
          },
          // the connection's channel at the time of the event (a re-subscribed channel replaces the old)
          (result) => member.state.channel.deliver(member.member, result),
        );
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
      onComplete: (ctx, id) => {
        ctx.extra.identities?.delete(id);
        ctx.extra.members?.delete(id);
      },
      onClose: (ctx) => void ctx.extra.channel?.return(),
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
