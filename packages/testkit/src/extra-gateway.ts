import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, repoRoot } from '@link-archive/devstack';
import { stack } from './client';

/** A second gateway process over the same subgraphs, with some settings changed (a down subgraph, say). */
export async function startExtraGateway(
  env: Record<string, string>,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const s = stack();
  const port = await freePort();
  const child = spawn(process.execPath, [join(repoRoot, 'gateway/dist/index.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      PORT: String(port),
      GATEWAY_SECRET: s.secrets.gatewaySecret,
      JWT_PUBLIC_KEY: s.secrets.jwtPublicKey,
      REDIS_URL: s.redisUrl,
      REDIS_PREFIX: s.redisPrefix,
      ...Object.fromEntries(
        Object.entries(s.subgraphUrls).map(([n, u]) => [`SUBGRAPH_${n.toUpperCase()}_URL`, u]),
      ),
      ...env,
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`extra gateway exited with ${child.exitCode}`);
    if (
      await fetch(new URL('/healthz', url)).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A URL on a port nothing listens on: a subgraph that is down. */
export const freePortUrl = async () => `http://127.0.0.1:${await freePort()}/graphql`;
