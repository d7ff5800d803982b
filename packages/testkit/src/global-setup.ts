import { freePort, startIsolatedStack } from '@link-archive/devstack';
import type { TestProject } from 'vitest/node';
import './stack-info';

/**
 * One stack per test run: its own database, Redis key prefix and S3 folder on this machine's servers (or
 * the embedded defaults when DATABASE_URL is unset), real subgraph, gateway and worker processes in
 * production mode. The crawler may reach exactly one private address: the local test site's port.
 */
export default async function setup(project: TestProject) {
  const sitePort = await freePort();
  const stack = await startIsolatedStack(
    'test',
    {
      PARTNER_KEY_CACHE_MS: '300',
      TRUST_PROXY: 'loopback',
      CRAWLER_ALLOWED_HOSTS: `127.0.0.1:${sitePort},localhost:${sitePort}`,
      CRAWLER_HOST_INTERVAL_MS: '0',
      JOB_LOCK_MS: '4000',
      JOB_ATTEMPTS: '2',
      JOB_BACKOFF_MS: '200',
      CRAWLER_HEADERS_TIMEOUT_MS: '2000',
      CRAWLER_TOTAL_TIMEOUT_MS: '4000',
      RECONCILE_EVERY_MS: '1000',
      RECONCILE_AFTER_MS: '3000',
      // the stack's own recrawl schedule is off: a test that backdates a crawl runs scheduleRecrawls itself
      RECRAWL_PLACE_HOURS: '0',
      RECRAWL_PRODUCT_HOURS: '0',
      RECRAWL_PAGE_HOURS: '0',
      // an account with more than 3 followers is merged into home feeds at read time (both paths get tested)
      FANOUT_MAX_FOLLOWERS: '3',
      POPULAR_REFRESH_MS: '1000',
    },
    { workers: true },
  );
  project.provide('stack', {
    gatewayUrl: stack.gatewayUrl,
    subgraphUrls: stack.subgraphUrls,
    secrets: stack.secrets,
    databaseUrl: stack.databaseUrl,
    redisUrl: stack.redisUrl,
    redisPrefix: stack.redisPrefix,
    logDir: stack.logDir,
    s3Endpoint: stack.s3Endpoint,
    s3Bucket: stack.s3Bucket,
    sitePort,
  });
  return () => stack.close();
}
