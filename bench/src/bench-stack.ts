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
  type RunningStack,
  type StackSecrets,
} from '@link-archive/devstack';

export interface BenchStack extends RunningStack {
  secrets: StackSecrets;
  close: () => Promise<void>;
}

/** A production-mode stack on a database of its own, like the tests', without rate limits in the way. */
export async function startBenchStack(): Promise<BenchStack> {
  const runId = `la_bench_${randomBytes(4).toString('hex')}`;
  const pg = await ensurePostgres(process.env.DATABASE_URL, dataDir('postgres'), 54329);
  await createDatabaseIfMissing(pg.adminUrl, runId);
  const redis = await ensureRedis(process.env.REDIS_URL, dataDir('redis'));
  const secrets = generateSecrets();
  const stack = await launchStack({
    databaseUrl: withDatabase(pg.adminUrl, runId),
    redisUrl: redis.url,
    redisPrefix: `${runId}:`,
    secrets,
    nodeEnv: 'production',
    workers: false,
    logs: { dir: join(tmpdir(), runId) },
    ports: {
      gateway: await freePort(),
      user: await freePort(),
      link: await freePort(),
      review: await freePort(),
      feed: await freePort(),
      media: await freePort(),
    },
    extraEnv: { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000' },
  });
  return {
    ...stack,
    secrets,
    close: async () => {
      await stack.stop();
      await dropDatabase(pg.adminUrl, runId);
      await redis.stop();
      await pg.stop();
    },
  };
}
