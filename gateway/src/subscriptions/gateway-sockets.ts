import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { Logger, Redis } from '@link-archive/core';
import type { GraphQLFormattedError, ValidationRule } from 'graphql';
import type { AccessTokenVerifier } from '../auth/access-token';
import type { GatewayEnvironment } from '../environment';
import type { GatewayContext } from '../graphql/context';
import { OperationAdmission } from '../graphql/operation-admission';
import { SubgraphDataSource } from '../graphql/subgraph-data-source';
import { SocketGate } from './socket-gate';
import { startSocketServer } from './socket-server';
import { SocketSessions } from './socket-sessions';
import { SubscriptionHub } from './subscription-hub';
import { SubscriptionPlanner } from './subscription-planner';
import { UpstreamSubscriptions } from './upstream';

/** Everything the gateway's WebSocket path needs, assembled once: planner, upstreams, hub, sessions, server. */
export function startGatewaySockets(options: {
  httpServer: Server;
  env: GatewayEnvironment;
  supergraphSdl: string;
  urls: Record<string, string>;
  limitRules: ValidationRule[];
  introspectionOpen: boolean;
  trustProxy: (address: string, hop: number) => boolean;
  tokens: AccessTokenVerifier;
  redis: Redis;
  apollo: ApolloServer<GatewayContext>;
  mask: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  logger: Logger;
}): { close: () => Promise<void> } {
  const { env, logger } = options;
  const planner = new SubscriptionPlanner(options.supergraphSdl);
  const services = Object.fromEntries(
    Object.entries(options.urls).map(([name, url]) => [
      name,
      new SubgraphDataSource(name, url, env.SUBGRAPH_TIMEOUT_MS, logger),
    ]),
  );
  const upstream = new UpstreamSubscriptions(options.urls, env.GATEWAY_SECRET, logger);
  const hub = new SubscriptionHub(planner, upstream, services, env.GATEWAY_SECRET, options.mask, logger);
  const sessions = new SocketSessions(env.REDIS_URL, env.REDIS_PREFIX, options.redis, logger);
  const admission = new OperationAdmission(
    planner.schema,
    options.limitRules,
    env.MAX_TOKENS,
    options.introspectionOpen,
  );
  const gate = new SocketGate({
    env,
    tokens: options.tokens,
    redis: options.redis,
    apollo: options.apollo,
    admission,
    hub,
    sessions,
    mask: options.mask,
  });
  const server = startSocketServer({
    httpServer: options.httpServer,
    path: '/graphql',
    env,
    trustProxy: options.trustProxy,
    gate,
    schema: planner.schema,
  });
  return {
    close: async () => {
      await server.close();
      await hub.close();
      await upstream.close();
      sessions.close();
    },
  };
}
