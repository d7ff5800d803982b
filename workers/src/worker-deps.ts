import { createLogger, createRedis, type Logger, type Redis } from '@link-archive/core';
import { inTransaction, type Transactor } from '@link-archive/events';
import { Enqueuer, retryPolicy } from '@link-archive/queues';
import { mediaStoreFrom, type MediaStore } from '@link-archive/storage';
import { Pool } from 'pg';
import type { WorkersEnvironment } from './environment';
import { AllowedHosts } from './http/address-policy';
import type { GuardedFetchOptions } from './http/guarded-fetch';

/** What every processor in a worker process shares: one pool, one Redis client, one S3 client. */
export interface WorkerDeps {
  env: WorkersEnvironment;
  db: Pool;
  redis: Redis;
  enqueuer: Enqueuer;
  media: MediaStore;
  logger: Logger;
  /** The guarded client's settings for every fetch a job makes (pages, robots.txt, images). */
  fetchOptions: GuardedFetchOptions;
  /** Runs work in one transaction of the pool: a domain's change and its event commit together. */
  transaction: Transactor;
  /** BullMQ's connection: its own clients, which must wait for Redis rather than fail a command. */
  connection: { url: string; maxRetriesPerRequest: null };
  close: () => Promise<void>;
}

export function createWorkerDeps(env: WorkersEnvironment): WorkerDeps {
  const db = new Pool({
    connectionString: env.DATABASE_URL,
    max: env.DB_POOL_SIZE,
    connectionTimeoutMillis: 10_000,
    statement_timeout: 30_000,
    application_name: 'link-archive-workers',
  });
  const logger = createLogger('workers', env.LOG_LEVEL);
  // an idle connection PostgreSQL closes (a restart, a failover) is replaced on next use, not a crash
  db.on('error', (err) => logger.warn({ err: err.message }, 'idle PostgreSQL connection lost'));
  const redis = createRedis(env.REDIS_URL, env.REDIS_PREFIX);
  const enqueuer = new Enqueuer({ url: env.REDIS_URL }, env.REDIS_PREFIX, retryPolicy(env));
  return {
    env,
    db,
    redis,
    enqueuer,
    media: mediaStoreFrom(env),
    logger,
    fetchOptions: {
      allowedHosts: new AllowedHosts(env.CRAWLER_ALLOWED_HOSTS),
      headersTimeoutMs: env.CRAWLER_HEADERS_TIMEOUT_MS,
      totalTimeoutMs: env.CRAWLER_TOTAL_TIMEOUT_MS,
      maxBytes: env.CRAWLER_MAX_BYTES,
    },
    transaction: (work) => inTransaction(db, work),
    connection: { url: env.REDIS_URL, maxRetriesPerRequest: null },
    close: async () => {
      await enqueuer.close();
      redis.disconnect();
      await db.end();
    },
  };
}
