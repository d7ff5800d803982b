import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDatabaseIfMissing,
  dataDir,
  dropDatabase,
  ensurePostgres,
  ensureRedis,
  freePort,
  generateSecrets,
  launchStack,
  withDatabase,
} from '@link-archive/devstack';
import Redis from 'ioredis';
import type { TestProject } from 'vitest/node';
import './stack-info';

/**
 * One stack per test run: its own database and Redis key prefix on this machine's servers (or the
 * embedded defaults when DATABASE_URL is unset), real subgraph and gateway processes in production mode.
 */
export default async function setup(project: TestProject) {
  const runId = `la_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const pg = await ensurePostgres(process.env.DATABASE_URL, dataDir('postgres'), 54329);
  await createDatabaseIfMissing(pg.adminUrl, runId);
  const databaseUrl = withDatabase(pg.adminUrl, runId);
  const redis = await ensureRedis(process.env.REDIS_URL, dataDir('redis'));
  const redisPrefix = `${runId}:`;
  const secrets = generateSecrets();
  const logDir = join(tmpdir(), runId);
  const ports = {
    gateway: await freePort(),
    user: await freePort(),
    link: await freePort(),
    review: await freePort(),
    feed: await freePort(),
    media: await freePort(),
  };
  const stack = await launchStack({
    databaseUrl,
    redisUrl: redis.url,
    redisPrefix,
    secrets,
    ports,
    nodeEnv: 'production',
    workers: false,
    logs: { dir: logDir },
    extraEnv: { LOG_LEVEL: 'warn', PARTNER_KEY_CACHE_MS: '300', TRUST_PROXY: 'loopback' },
  });
  project.provide('stack', {
    gatewayUrl: stack.gatewayUrl,
    subgraphUrls: stack.subgraphUrls,
    secrets,
    databaseUrl,
    redisUrl: redis.url,
    redisPrefix,
    logDir,
  });

  return async () => {
    await stack.stop();
    await dropDatabase(pg.adminUrl, runId);
    const client = new Redis(redis.url);
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 500);
      if (keys.length) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    client.disconnect();
    await redis.stop();
    await pg.stop();
  };
}
