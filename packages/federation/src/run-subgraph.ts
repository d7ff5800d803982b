import { createLogger, createRedis, onShutdown, type Logger, type Redis } from '@link-archive/core';
import { startEventConsumer, type ConsumerName, type on } from '@link-archive/events';
import { bullPrefix } from '@link-archive/queues';
import type express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { BaseContext } from './context';
import { migrate, type DataSourceOptions } from './data-source';
import { startSubgraphServer, type RunningSubgraph } from './subgraph-server';
import type { SubgraphEnvironment } from './subgraph-environment';

export interface SubgraphDeps {
  ds: DataSource;
  redis: Redis;
  logger: Logger;
}

/** What makes one subgraph: its store, its schema and its per-request context. */
export interface SubgraphDefinition<C extends BaseContext, E extends SubgraphEnvironment> {
  name: string;
  dbSchema: string;
  dataSource: (options: Pick<DataSourceOptions, 'url' | 'logger' | 'poolSize'>) => DataSource;
  buildSchema: () => Promise<GraphQLSchema>;
  setup: (
    deps: SubgraphDeps,
    env: E,
  ) => Promise<{
    context: (base: BaseContext) => C;
    internalRoutes?: (router: express.Router) => void;
    /** Serve the schema's subscriptions over graphql-ws on the subgraph's own port. */
    subscriptions?: boolean;
    /** The durable consumer this subgraph runs: its handlers for the events routed to it. */
    events?: { consumer: ConsumerName; handlers: ReturnType<typeof on>[] };
    /** Closes what setup opened, after the server stopped. */
    close?: () => Promise<void>;
  }>;
}

export async function runSubgraph<C extends BaseContext, E extends SubgraphEnvironment>(
  def: SubgraphDefinition<C, E>,
  env: E,
): Promise<RunningSubgraph> {
  const logger = createLogger(def.name, env.LOG_LEVEL);
  const ds = def.dataSource({ url: env.DATABASE_URL, logger, poolSize: env.DB_POOL_SIZE });
  await ds.initialize();
  if (env.MIGRATE_ON_START) await migrate(ds, def.dbSchema);
  const redis = createRedis(env.REDIS_URL, env.REDIS_PREFIX);
  const { context, internalRoutes, subscriptions, events, close } = await def.setup(
    { ds, redis, logger },
    env,
  );
  const consumer = events
    ? startEventConsumer({
        ...events,
        schema: def.dbSchema,
        transaction: (work) => ds.transaction((manager) => work(manager)),
        connection: { url: env.REDIS_URL, maxRetriesPerRequest: null },
        bullPrefix: bullPrefix(env.REDIS_PREFIX),
        logger,
      })
    : null;
  return startSubgraphServer<C>(
    {
      name: def.name,
      schema: await def.buildSchema(),
      internalSecret: env.GATEWAY_SECRET,
      logger,
      ready: async () => {
        await ds.query('SELECT 1');
        await redis.ping();
      },
      context,
      internalRoutes,
      subscriptions,
      onClose: async () => {
        await consumer?.close();
        await close?.();
        await ds.destroy();
        redis.disconnect();
      },
    },
    env.PORT,
    env.HOST,
  );
}

/** The process entry point of a subgraph: parse the environment, start, stop cleanly on signals. */
export function main<C extends BaseContext, E extends SubgraphEnvironment>(
  def: SubgraphDefinition<C, E>,
  loadEnvironment: () => E,
): void {
  const logger = createLogger(def.name);
  Promise.resolve()
    .then(() => runSubgraph(def, loadEnvironment()))
    .then((server) => onShutdown(logger, server.close))
    .catch((err) => {
      logger.fatal({ err }, `${def.name} subgraph failed to start`);
      process.exit(1);
    });
}
