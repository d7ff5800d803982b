import { startIsolatedStack } from '@link-archive/devstack';
import type { TestProject } from 'vitest/node';
import './stack-info';

/**
 * One stack per test run: its own database and Redis key prefix on this machine's servers (or the
 * embedded defaults when DATABASE_URL is unset), real subgraph and gateway processes in production mode.
 */
export default async function setup(project: TestProject) {
  const stack = await startIsolatedStack('test', { PARTNER_KEY_CACHE_MS: '300', TRUST_PROXY: 'loopback' });
  project.provide('stack', {
    gatewayUrl: stack.gatewayUrl,
    subgraphUrls: stack.subgraphUrls,
    secrets: stack.secrets,
    databaseUrl: stack.databaseUrl,
    redisUrl: stack.redisUrl,
    redisPrefix: stack.redisPrefix,
    logDir: stack.logDir,
  });
  return () => stack.close();
}
