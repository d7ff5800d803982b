import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { maskErrors, type ForwardedIdentity, type Logger } from '@link-archive/core';
import express, { type Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { BaseContext } from './context';
import { requireGateway } from './gateway-guard';
import { httpDuration, processMetrics } from './metrics';
import { startSubscriptionServer } from './subscription-server';

export interface SubgraphServerOptions<C extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  internalSecret: string;
  logger: Logger;
  /** Throws when a store this subgraph needs is unreachable. */
  ready: () => Promise<void>;
  /** Adds the subgraph's per-request state (DataLoaders, services) to the base context. */
  context: (base: BaseContext) => C;
  /** Extra internal routes, mounted behind the gateway guard. */
  internalRoutes?: (router: express.Router) => void;
  /** Serve the schema's subscriptions over graphql-ws on /graphql as well. */
  subscriptions?: boolean;
  /** Runs after the HTTP server stopped accepting requests. */
  onClose?: () => Promise<void>;
}

export interface RunningSubgraph {
  url: string;
  port: number;
  close: () => Promise<void>;
}

export async function startSubgraphServer<C extends BaseContext>(
  options: SubgraphServerOptions<C>,
  port: number,
  host = '0.0.0.0',
): Promise<RunningSubgraph> {
  const app: Express = express();
  const httpServer: Server = createServer(app);
  const registry = processMetrics(options.name);
  const apollo = new ApolloServer<C>({
    schema: options.schema,
    introspection: true, // the gateway decides who may introspect; subgraphs only talk to it
    includeStacktraceInErrorResponses: false,
    formatError: maskErrors(options.logger),
    stopOnTerminationSignals: false, // runSubgraph's main owns shutdown
    // no field carries cache hints: the cache-control plugin would only run a hook for every resolved field
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.use((req, res, next) => {
    const end = httpDuration.startTimer({ route: req.path });
    res.on('finish', () => end({ status: String(res.statusCode) }));
    next();
  });
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    try {
      await options.ready();
      res.json({ status: 'ready' });
    } catch (err) {
      res.status(503).json({ status: 'unavailable', error: (err as Error).message });
    }
  });
  app.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });

  const guard = requireGateway(options.internalSecret);
  if (options.internalRoutes) {
    const router = express.Router();
    router.use(guard, express.json({ limit: '16kb' }));
    options.internalRoutes(router);
    app.use('/internal', router);
  }
  app.use(
    '/graphql',
    guard,
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const identity = res.locals.identity as ForwardedIdentity;
        return options.context({
          identity,
          viewer: identity.viewer,
          requestId: identity.requestId,
          logger: options.logger.child({ requestId: identity.requestId }),
        });
      },
    }),
  );

  const subscriptions = options.subscriptions
    ? startSubscriptionServer({ httpServer, path: '/graphql', ...options })
    : null;

  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  const actual = (httpServer.address() as AddressInfo).port;
  options.logger.info({ port: actual }, `${options.name} subgraph listening`);
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}/graphql`,
    close: async () => {
      await subscriptions?.close();
      await apollo.stop();
      await options.onClose?.();
    },
  };
}
