import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { createLogger, createRedis, maskErrors } from '@link-archive/core';
import express, { type NextFunction, type Request, type Response } from 'express';
import { queueBoard } from './admin/queue-board';
import { AccessTokenVerifier } from './auth/access-token';
import { anonymousIdentity } from './auth/anonymous-identity';
import { authenticate } from './auth/authenticate';
import type { GatewayEnvironment } from './environment';
import { RedisKeyValueCache } from './graphql/apq-cache';
import { createContext, type GatewayContext } from './graphql/context';
import { graphqlHandler } from './graphql/graphql-handler';
import { graphqlError } from './graphql/http-errors';
import { clientErrorStatus } from './graphql/client-error-status';
import { introspectionGuard } from './graphql/introspection-guard';
import { maxAliasesRule } from './limits/max-aliases';
import { tokenLimit } from './limits/max-tokens';
import { operationLog } from './graphql/operation-log';
import { playgroundAssets, playgroundLandingPage } from './graphql/playground';
import { SubgraphDataSource } from './graphql/subgraph-data-source';
import { installPlanExecution } from './graphql/plan-execution/execute-query-plan';
import { stringifyResult } from './graphql/result-shaping/shaped-text';
import { subgraphUrls } from './graphql/subgraph-urls';
import { startGatewaySockets } from './subscriptions/gateway-sockets';
import { adaptExecutionLimit } from './limits/adaptive-execution-limit';
import { ExecutionSlots } from './limits/execution-slots';
import { rateLimit } from './limits/rate-limit';
import { healthRoutes } from './observability/health';
import { metricsRoutes } from './observability/metrics';
import { corsPolicy, originsOf } from './browsers/cors-policy';
import { requestId } from './observability/request-id';
import { PartnerKeys } from './partners/partner-keys';
import { loadManifest, trustedDocuments } from './partners/trusted-documents';
import { warmQueryPlans } from './graphql/query-plan-warming';

/** After this long an execution is waiting on a subgraph, not on the core: it frees its slot for the next. */
const EXECUTION_RELEASE_AFTER_MS = 1_000;
/**
 * The fewest executions at once on a saturated core. TestQuery: 4 left the core 17-18 % idle against 14-15 % at 8,
 * for no less garbage collection per request (0.44 against 0.45 ms).
 */
const MIN_EXECUTIONS = 8;

export interface RunningGateway {
  url: string;
  port: number;
  close: () => Promise<void>;
}

export async function startGateway(env: GatewayEnvironment): Promise<RunningGateway> {
  const logger = createLogger('gateway', env.LOG_LEVEL);
  // a slow Redis must not hold requests: its checks fail open after a second; the commands of requests in
  // flight together (revocation, rate limit) go out in one write
  const redis = createRedis(env.REDIS_URL, env.REDIS_PREFIX, {
    commandTimeout: 1_000,
    enableAutoPipelining: true,
  });
  const supergraphSdl = readFileSync(env.SUPERGRAPH_PATH, 'utf8');
  const urls = subgraphUrls(supergraphSdl, env);
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new SubgraphDataSource(
        name,
        urls[name] ?? url!,
        env.SUBGRAPH_TIMEOUT_MS,
        logger,
        env.GATEWAY_DEDUP === 'on',
      ),
  });
  installPlanExecution(gateway);
  const mask = maskErrors(logger, { suggestions: env.NODE_ENV === 'development' });
  const introspectionOpen = env.NODE_ENV === 'development' && env.INTROSPECTION_IN_DEVELOPMENT;
  const armor = new ApolloArmor({
    maxDepth: { n: env.MAX_DEPTH },
    // counted by maxAliasesRule instead, which does not skip __typename
    maxAliases: { enabled: false },
    // checked by tokenLimit instead, whose refusals are 400s rather than 500s
    maxTokens: { enabled: false },
    maxDirectives: { n: env.MAX_DIRECTIVES },
    costLimit: { maxCost: env.MAX_COST },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  const limitRules = [...armor.validationRules, maxAliasesRule(env.MAX_ALIASES)];

  const app = express();
  const httpServer = createServer(app);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    persistedQueries: { cache: new RedisKeyValueCache(redis), ttl: 7 * 86_400 },
    introspection: true, // who may introspect is decided per request by introspectionGuard
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    stopOnTerminationSignals: false, // index.ts owns shutdown
    formatError: mask,
    stringifyResult,
    validationRules: limitRules,
    plugins: [
      ...armor.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      playgroundLandingPage(),
      introspectionGuard(introspectionOpen),
      clientErrorStatus(),
      operationLog(logger),
    ],
  });
  await server.start();

  const open = env.GATEWAY_AUTH === 'off';
  if (open) {
    logger.warn(
      { supergraph: env.SUPERGRAPH_PATH, subgraphs: Object.keys(urls) },
      'GATEWAY_AUTH=off: EVERY REQUEST IS ANONYMOUS: no authentication, rate limit, partner checks, WebSockets or queue board. For benchmarks and local tools only.',
    );
  } else if (!urls.user) {
    throw new Error(
      'this supergraph has no user subgraph, which auth needs (API keys): set GATEWAY_AUTH=off to serve it',
    );
  }
  const tokens = open ? null : await AccessTokenVerifier.create(env.JWT_PUBLIC_KEY!, redis);
  const partners = open
    ? null
    : new PartnerKeys(
        new URL('/internal/api-keys/verify', urls.user).href,
        env.GATEWAY_SECRET,
        env.SUBGRAPH_TIMEOUT_MS,
        env.PARTNER_KEY_CACHE_MS,
      );
  const manifest = loadManifest(env.PERSISTED_QUERIES_PATH);
  const warmed = await warmQueryPlans(gateway, manifest.values(), logger);
  logger.debug({ operations: warmed }, 'query plans warmed from the persisted-query manifest');
  const slots = new ExecutionSlots(
    env.GATEWAY_MAX_EXECUTIONS,
    64 * env.GATEWAY_MAX_EXECUTIONS,
    EXECUTION_RELEASE_AFTER_MS,
  );
  const stopAdapting =
    env.GATEWAY_MAX_EXECUTIONS > 0
      ? adaptExecutionLimit(slots, {
          max: env.GATEWAY_MAX_EXECUTIONS,
          min: Math.min(MIN_EXECUTIONS, env.GATEWAY_MAX_EXECUTIONS),
        })
      : () => undefined;

  app.disable('x-powered-by');
  app.set('trust proxy', env.TRUST_PROXY);
  app.use(requestId);
  metricsRoutes(app);
  healthRoutes(app, urls, redis);
  playgroundAssets(app);
  app.use(
    '/graphql',
    corsPolicy(originsOf(env.CORS_ORIGINS), env.CORS_CREDENTIALS),
    express.json({ limit: env.BODY_LIMIT }),
    ...(tokens && partners
      ? [authenticate(tokens, partners), rateLimit(redis, env.RATE_LIMIT_PER_MINUTE)]
      : [anonymousIdentity]),
    tokenLimit(env.MAX_TOKENS),
    trustedDocuments(manifest),
    graphqlHandler(server, {
      context: async (identity) => createContext(identity, env.GATEWAY_SECRET),
      dedup: env.GATEWAY_DEDUP === 'on',
      slots,
    }),
  );
  const sockets = tokens
    ? startGatewaySockets({
        httpServer,
        env,
        supergraphSdl,
        urls,
        limitRules,
        introspectionOpen,
        trustProxy: app.get('trust proxy fn'),
        tokens,
        redis,
        apollo: server,
        mask,
        logger,
      })
    : null;
  const board = tokens ? queueBoard(app, tokens, { url: env.REDIS_URL, prefix: env.REDIS_PREFIX }) : null;
  app.get('/', (_req, res) => res.redirect('/graphql'));
  app.use(
    (err: Error & { type?: string; status?: number }, _req: Request, res: Response, _next: NextFunction) => {
      if (err.type === 'entity.too.large') {
        return graphqlError(res, 413, 'BAD_USER_INPUT', `Request body exceeds ${env.BODY_LIMIT}`, {
          field: 'body',
        });
      }
      if (err.type === 'entity.parse.failed') {
        return graphqlError(res, 400, 'BAD_USER_INPUT', 'Request body is not valid JSON', { field: 'body' });
      }
      logger.error({ err, requestId: res.locals.requestId }, 'request failed');
      graphqlError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    },
  );

  await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOST, resolve));
  const port = (httpServer.address() as AddressInfo).port;
  logger.info({ port, subgraphs: urls }, 'gateway listening');
  return {
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    close: async () => {
      stopAdapting();
      await sockets?.close();
      await server.stop();
      await board?.close();
      redis.disconnect();
    },
  };
}
