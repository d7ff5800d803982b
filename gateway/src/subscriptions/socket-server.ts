import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApolloServer } from '@apollo/server';
import type { ForwardedIdentity, Logger, Redis, Viewer } from '@link-archive/core';
import { GraphQLError, type ExecutionArgs, type GraphQLFormattedError } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import proxyAddr from 'proxy-addr';
import { Gauge } from 'prom-client';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AccessTokenVerifier } from '../auth/access-token';
import { bearerToken } from '../auth/bearer-token';
import type { GatewayEnvironment } from '../environment';
import { createContext, type GatewayContext } from '../graphql/context';
import type { OperationAdmission } from '../graphql/operation-admission';
import { overRateLimit } from '../limits/rate-limit';
import { FORBIDDEN_CLOSE, type SocketSessions } from './socket-sessions';
import type { SubscriptionHub } from './subscription-hub';

const connectionsGauge = new Gauge({ name: 'gateway_websockets', help: 'Open client WebSockets' });

type Mask = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

type SocketState = {
  viewer?: Viewer;
  clientIp: string;
  operations: number;
  expiry?: NodeJS.Timeout;
};

/** What onSubscribe hands to execute/subscribe: the client's request and who sent it. */
interface OperationRun {
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  extensions: Record<string, unknown> | undefined;
  identity: ForwardedIdentity;
}

export interface SocketServerDeps {
  httpServer: Server;
  path: string;
  env: GatewayEnvironment;
  trustProxy: (address: string, hop: number) => boolean;
  tokens: AccessTokenVerifier;
  redis: Redis;
  apollo: ApolloServer<GatewayContext>;
  admission: OperationAdmission;
  hub: SubscriptionHub;
  sessions: SocketSessions;
  mask: Mask;
  logger: Logger;
}

const refuseUpgrade = (socket: Duplex, status: number, reason: string) => {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
};

/**
 * graphql-ws (graphql-transport-ws) on the gateway's own port and path. A connection authenticates in
 * connection_init (`{ authorization: "Bearer …" }`) and closes with 4403 when its token expires or its
 * session is revoked. Queries and mutations run through Apollo Server exactly as over HTTP; subscriptions
 * pass the same limits and run on the federated subscription hub. Connections per user and per IP,
 * operations per connection, message size and Origin are capped; idle sockets are pinged.
 */
export function startSocketServer(deps: SocketServerDeps): { close: () => Promise<void> } {
  const { env } = deps;
  const allowedOrigins = new Set(
    env.WS_ALLOWED_ORIGINS.split(',')
      .map((o) => o.trim().replace(/\/$/, ''))
      .filter(Boolean),
  );
  const perIp = new Map<string, number>();
  const perUser = new Map<string, number>();
  const bump = (counts: Map<string, number>, key: string, by: number) => {
    const n = (counts.get(key) ?? 0) + by;
    if (n > 0) counts.set(key, n);
    else counts.delete(key);
    return n;
  };
  const wss = new WebSocketServer({ noServer: true, maxPayload: env.WS_MAX_MESSAGE_BYTES });

  const originAllowed = (req: IncomingMessage) => {
    const origin = req.headers.origin;
    if (!origin) return true; // native clients
    try {
      return new URL(origin).host === req.headers.host || allowedOrigins.has(origin.replace(/\/$/, ''));
    } catch {
      return false;
    }
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://gateway').pathname;
    if (path !== deps.path) return refuseUpgrade(socket, 404, 'Not Found');
    if (!originAllowed(req)) return refuseUpgrade(socket, 403, 'Forbidden');
    const clientIp = proxyAddr(req, deps.trustProxy);
    if ((perIp.get(clientIp) ?? 0) >= env.WS_MAX_CONNECTIONS_PER_IP) {
      return refuseUpgrade(socket, 429, 'Too Many Requests');
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      bump(perIp, clientIp, 1);
      connectionsGauge.inc();
      (req as IncomingMessage & { clientIp: string }).clientIp = clientIp;
      ws.once('close', () => {
        bump(perIp, clientIp, -1);
        connectionsGauge.dec();
      });
      wss.emit('connection', ws, req);
    });
  };
  deps.httpServer.on('upgrade', onUpgrade);

  // keep-alive: a socket that did not answer the previous ping is gone
  const alive = new WeakMap<WebSocket, boolean>();
  wss.on('connection', (ws: WebSocket) => {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
  });
  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.get(ws)) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, env.WS_KEEPALIVE_MS);
  pinger.unref();

  const server = useServer<Record<string, unknown>, SocketState>(
    {
      connectionInitWaitTimeout: env.WS_INIT_TIMEOUT_MS,
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        ctx.extra.clientIp =
          (ctx.extra.request as IncomingMessage & { clientIp?: string }).clientIp ?? 'unknown';
        ctx.extra.operations = 0;
        const raw = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        if (raw === undefined) {
          socket.close(
            CloseCode.Unauthorized,
            'Unauthorized: connection_init needs { authorization: "Bearer <token>" }',
          );
          return false;
        }
        const verified =
          typeof raw === 'string' ? await deps.tokens.verifyToken(bearerToken(raw) ?? '') : null;
        if (!verified) {
          socket.close(FORBIDDEN_CLOSE, 'Forbidden: invalid, expired or revoked access token');
          return false;
        }
        const { viewer, expiresAt } = verified;
        if (bump(perUser, viewer.userId, 1) > env.WS_MAX_CONNECTIONS_PER_USER) {
          bump(perUser, viewer.userId, -1);
          socket.close(4429, 'Too many connections for this account');
          return false;
        }
        ctx.extra.viewer = viewer;
        ctx.extra.expiry = setTimeout(
          () => socket.close(FORBIDDEN_CLOSE, 'Forbidden: access token expired'),
          Math.max(0, expiresAt - Date.now()),
        );
        deps.sessions.add(viewer.sessionId, socket);
        return true;
      },
      onClose: (ctx) => {
        const { viewer, expiry } = ctx.extra;
        clearTimeout(expiry);
        if (viewer) {
          bump(perUser, viewer.userId, -1);
          deps.sessions.remove(viewer.sessionId, ctx.extra.socket);
        }
      },
      onSubscribe: async (ctx, _id, payload): Promise<ExecutionArgs | GraphQLError[]> => {
        const viewer = ctx.extra.viewer ?? null;
        const identity: ForwardedIdentity = {
          viewer,
          partnerKeyId: null,
          clientIp: ctx.extra.clientIp ?? 'unknown',
          requestId: randomUUID(),
        };
        const retryAfter = await overRateLimit(deps.redis, identity, env.RATE_LIMIT_PER_MINUTE);
        if (retryAfter !== null) {
          return [
            new GraphQLError('Too many requests', { extensions: { code: 'RATE_LIMITED', retryAfter } }),
          ];
        }
        if ((ctx.extra.operations ?? 0) >= env.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [
            new GraphQLError(`At most ${env.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION} operations per connection`, {
              extensions: { code: 'RATE_LIMITED', retryAfter: 1 },
            }),
          ];
        }
        const admitted = deps.admission.admit(payload.query, payload.operationName, viewer);
        if (Array.isArray(admitted)) return admitted;
        ctx.extra.operations = (ctx.extra.operations ?? 0) + 1;
        const run: OperationRun = {
          query: payload.query,
          operationName: payload.operationName ?? undefined,
          variables: (payload.variables ?? {}) as Record<string, unknown>,
          extensions: payload.extensions ?? undefined,
          identity,
        };
        return {
          schema: deps.admission.schema,
          document: admitted.document,
          operationName: payload.operationName,
          variableValues: run.variables,
          contextValue: run,
        };
      },
      onComplete: (ctx) => {
        ctx.extra.operations = Math.max(0, (ctx.extra.operations ?? 0) - 1);
      },
      execute: async (args) => {
        const run = args.contextValue as OperationRun;
        const response = await deps.apollo.executeOperation(
          {
            query: run.query,
            operationName: run.operationName,
            variables: run.variables,
            extensions: run.extensions,
          },
          { contextValue: createContext(run.identity, env.GATEWAY_SECRET) },
        );
        if (response.body.kind !== 'single')
          throw new Error('incremental delivery is not served over WebSockets');
        return response.body.singleResult as never;
      },
      subscribe: (args) => {
        const run = args.contextValue as OperationRun;
        return deps.hub.subscribe({
          document: args.document,
          query: run.query,
          operationName: run.operationName,
          variables: run.variables,
          identity: run.identity,
        }) as never;
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => deps.mask(e.toJSON(), e)),
    },
    wss,
  );

  return {
    close: async () => {
      deps.httpServer.off('upgrade', onUpgrade);
      clearInterval(pinger);
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
