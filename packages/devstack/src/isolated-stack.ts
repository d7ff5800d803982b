import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMBEDDED_POSTGRES } from '@link-archive/core';
import Redis from 'ioredis';
import { freePort } from './free-port';
import { launchStack, type RunningStack } from './launch-stack';
import { dataDir } from './paths';
import { createDatabaseIfMissing, dropDatabase, ensurePostgres, withDatabase } from './postgres';
import { ensureRedis } from './redis';
import { ensureS3 } from './s3';
import { generateSecrets, type StackSecrets } from './secrets';

export interface IsolatedStack extends RunningStack {
  runId: string;
  secrets: StackSecrets;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  logDir: string;
  s3Endpoint: string;
  s3Bucket: string;
  /** Stops the processes, drops the database and deletes the run's Redis keys. */
  close: () => Promise<void>;
}

/**
 * A production-mode stack for tests and benchmarks: its own database and Redis key prefix on
 * DATABASE_URL's server (or the embedded one), fresh secrets, free ports, logs in a temp folder.
 */
export async function startIsolatedStack(
  name: string,
  extraEnv: Record<string, string>,
  options: { workers?: boolean; workerProcesses?: number } = {},
): Promise<IsolatedStack> {
  const runId = `la_${name}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const pg = await ensurePostgres(
    process.env.DATABASE_URL,
    dataDir('postgres'),
    EMBEDDED_POSTGRES.defaultPort,
  );
  await createDatabaseIfMissing(pg.adminUrl, runId);
  const databaseUrl = withDatabase(pg.adminUrl, runId);
  const redis = await ensureRedis(process.env.REDIS_URL, dataDir('redis'));
  const redisPrefix = `${runId}:`;
  const secrets = generateSecrets();
  const logDir = join(tmpdir(), runId);
  const s3Dir = join(tmpdir(), `${runId}_s3`);
  mkdirSync(s3Dir, { recursive: true });
  const s3 = await ensureS3(undefined, 'link-archive-media', s3Dir, await freePort());
  const stack = await launchStack({
    databaseUrl,
    redisUrl: redis.url,
    redisPrefix,
    secrets,
    nodeEnv: 'production',
    workers: options.workers ?? false,
    workerProcesses: options.workerProcesses,
    mediaPublicBaseUrl: `${s3.endpoint}/${s3.bucket}`,
    logs: { dir: logDir },
    ports: {
      gateway: await freePort(),
      user: await freePort(),
      link: await freePort(),
      review: await freePort(),
      feed: await freePort(),
      media: await freePort(),
    },
    extraEnv: { LOG_LEVEL: 'warn', S3_ENDPOINT: s3.endpoint, S3_BUCKET: s3.bucket, ...extraEnv },
  });
  return {
    ...stack,
    runId,
    secrets,
    databaseUrl,
    redisUrl: redis.url,
    redisPrefix,
    logDir,
    s3Endpoint: s3.endpoint,
    s3Bucket: s3.bucket,
    close: async () => {
      await stack.stop();
      await s3.stop();
      rmSync(s3Dir, { recursive: true, force: true });
      await dropDatabase(pg.adminUrl, runId);
      await deleteKeysWithPrefix(redis.url, redisPrefix);
      await redis.stop();
      await pg.stop();
    },
  };
}

/** Deletes every key under a prefix: what a test run or benchmark leaves behind. */
export async function deleteKeysWithPrefix(url: string, prefix: string): Promise<void> {
  const client = new Redis(url);
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length) await client.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  client.disconnect();
}
