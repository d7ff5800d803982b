/**
 * `npm start`: the whole system on one machine with embedded defaults for whatever is not configured:
 * PostgreSQL (DATABASE_URL), Redis (REDIS_URL), S3 (S3_ENDPOINT). Ctrl-C stops everything.
 */
import { EMBEDDED_POSTGRES } from '@link-archive/core';
import { launchStack } from './launch-stack';
import { seedDemo } from './demo/seed-demo';
import { startSampleSite } from './demo/sample-site';
import { localRedisPrefix } from './redis-prefix';
import { dataDir } from './paths';
import { createDatabaseIfMissing, ensurePostgres, withDatabase } from './postgres';
import { ensureRedis } from './redis';
import { ensureS3 } from './s3';
import { localSecrets } from './secrets';

const env = process.env;
const num = (v: string | undefined, d: number) => (v ? Number(v) : d);

async function main() {
  const started = Date.now();
  const stoppers: (() => Promise<void>)[] = [];
  const shutdown = async (code: number) => {
    for (const stop of stoppers.reverse()) await stop().catch((err) => console.error(err));
    process.exit(code);
  };
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: stopping…`);
      void shutdown(0);
    });
  }

  try {
    const pg = await ensurePostgres(
      env.DATABASE_URL,
      dataDir('postgres'),
      num(env.EMBEDDED_POSTGRES_PORT, EMBEDDED_POSTGRES.defaultPort),
    );
    stoppers.push(pg.stop);
    let databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) {
      await createDatabaseIfMissing(pg.adminUrl, EMBEDDED_POSTGRES.database);
      databaseUrl = withDatabase(pg.adminUrl, EMBEDDED_POSTGRES.database);
    }
    const redis = await ensureRedis(env.REDIS_URL, dataDir('redis'));
    stoppers.push(redis.stop);
    const s3 = await ensureS3(
      env.S3_ENDPOINT,
      env.S3_BUCKET ?? 'link-archive-media',
      dataDir('s3'),
      num(env.EMBEDDED_S3_PORT, 4569),
    );
    stoppers.push(s3.stop);
    const secrets =
      env.GATEWAY_SECRET && env.JWT_PRIVATE_KEY && env.JWT_PUBLIC_KEY
        ? {
            gatewaySecret: env.GATEWAY_SECRET,
            jwtPrivateKey: env.JWT_PRIVATE_KEY,
            jwtPublicKey: env.JWT_PUBLIC_KEY,
          }
        : localSecrets(dataDir('secrets'));
    const redisPrefix = env.REDIS_PREFIX ?? localRedisPrefix(dataDir());
    // `npm run demo`: a sample site on loopback the crawler may reach, so the pipeline succeeds offline
    const demo = env.DEMO === '1' ? await startSampleSite(num(env.DEMO_SITE_PORT, 4098)) : null;
    if (demo) stoppers.push(demo.stop);
    const allowedHosts = [env.CRAWLER_ALLOWED_HOSTS, demo && new URL(demo.origin).host]
      .filter(Boolean)
      .join(',');
    const stack = await launchStack({
      databaseUrl,
      redisUrl: redis.url,
      redisPrefix,
      secrets,
      nodeEnv: (env.NODE_ENV as 'production') ?? 'development',
      ports: {
        gateway: num(env.PORT, 4000),
        user: 4001,
        link: 4002,
        review: 4003,
        feed: 4004,
        media: 4005,
      },
      mediaPublicBaseUrl: `${s3.endpoint}/${s3.bucket}`,
      workers: true,
      logs: 'inherit',
      extraEnv: {
        S3_ENDPOINT: s3.endpoint,
        S3_BUCKET: s3.bucket,
        ...(allowedHosts && { CRAWLER_ALLOWED_HOSTS: allowedHosts }),
      },
    });
    stoppers.push(stack.stop);
    const gatewayUrl = stack.gatewayUrl.replace('127.0.0.1', 'localhost');
    console.log(`
Link Archive is running (started in ${((Date.now() - started) / 1000).toFixed(1)} s)
  GraphQL + Playground  ${gatewayUrl}
  health / readiness    ${gatewayUrl.replace('/graphql', '/healthz')}  ${gatewayUrl.replace('/graphql', '/readyz')}
  metrics               ${gatewayUrl.replace('/graphql', '/metrics')}
  subgraphs             ${Object.values(stack.subgraphUrls).join('  ')}
  PostgreSQL            ${env.DATABASE_URL ? 'DATABASE_URL' : `embedded, ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}`}
  Redis                 ${redis.url} (keys under ${redisPrefix})
  S3                    ${s3.endpoint} (bucket ${s3.bucket})
Press Ctrl-C to stop.`);
    if (demo) await seedDemo(gatewayUrl, demo.origin);
  } catch (err) {
    console.error(`npm start failed: ${(err as Error).message}`);
    await shutdown(1);
  }
}

void main();
