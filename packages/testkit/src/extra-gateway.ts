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
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // a crash prints its stack on stderr whatever the log level: keep the tail to say why it exited
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderrTail = (stderrTail + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null)
      throw new Error(`extra gateway exited with ${child.exitCode}: ${stderrTail}`);
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
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      // the gateway gives itself 10 s to drain; past that it is stuck and killed
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** A URL on a port nothing listens on: a subgraph that is down. */
export const freePortUrl = async () => `http://127.0.0.1:${await freePort()}/graphql`;
