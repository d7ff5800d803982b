import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_FLAGS } from './node-flags';
import { repoRoot } from './paths';
import type { StackSecrets } from './secrets';

export const SUBGRAPH_NAMES = ['user', 'link', 'review', 'feed', 'media'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export interface StackOptions {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  secrets: StackSecrets;
  ports: Record<SubgraphName | 'gateway', number>;
  nodeEnv: 'development' | 'production' | 'test';
  mediaPublicBaseUrl?: string;
  workers: boolean;
  /** How many worker processes to run (each runs every processor). */
  workerProcesses?: number;
  /** inherit: share this terminal; a directory: one log file per process there. */
  logs: 'inherit' | { dir: string };
  extraEnv?: Record<string, string>;
}

export interface RunningStack {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  stop: () => Promise<void>;
}

interface Child {
  name: string;
  process: ChildProcess;
}

async function waitHealthy(child: Child, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null)
      throw new Error(`${child.name} exited with code ${child.process.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${child.name} did not become healthy at ${url} within ${timeoutMs} ms`);
}

function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.process.kill('SIGKILL'), 10_000);
    child.process.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.process.kill('SIGTERM');
  });
}

/** Starts the five subgraphs, then the gateway (and workers), each its own Node process. */
export async function launchStack(options: StackOptions): Promise<RunningStack> {
  const children: Child[] = [];
  const common = {
    ...process.env,
    NODE_ENV: options.nodeEnv,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    REDIS_PREFIX: options.redisPrefix,
    GATEWAY_SECRET: options.secrets.gatewaySecret,
    MEDIA_PUBLIC_BASE_URL: options.mediaPublicBaseUrl,
    ...options.extraEnv,
  };
  if (options.logs !== 'inherit') mkdirSync(options.logs.dir, { recursive: true });
  const start = (name: string, script: string, env: Record<string, string | undefined>): Child => {
    const logs = options.logs;
    const flags = NODE_FLAGS[name] ?? [];
    const child = spawn(process.execPath, [...flags, '--enable-source-maps', join(repoRoot, script)], {
      env: { ...common, ...env },
      stdio: logs === 'inherit' ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'],
    });
    if (logs !== 'inherit') {
      const file = createWriteStream(join(logs.dir, `${name}.log`));
      child.stdout?.pipe(file);
      child.stderr?.pipe(file);
    }
    const entry = { name, process: child };
    children.push(entry);
    return entry;
  };
  const stop = async () => {
    await Promise.all([...children].reverse().map(stopChild));
  };

  try {
    const subgraphUrls = {} as Record<SubgraphName, string>;
    await Promise.all(
      SUBGRAPH_NAMES.map(async (name) => {
        const port = options.ports[name];
        const child = start(name, `subgraphs/${name}/dist/index.js`, {
          PORT: String(port),
          HOST: '127.0.0.1',
          JWT_PRIVATE_KEY: name === 'user' ? options.secrets.jwtPrivateKey : undefined,
        });
        subgraphUrls[name] = `http://127.0.0.1:${port}/graphql`;
        await waitHealthy(child, `http://127.0.0.1:${port}/healthz`, 90_000);
      }),
    );
    const gateway = start('gateway', 'gateway/dist/index.js', {
      PORT: String(options.ports.gateway),
      JWT_PUBLIC_KEY: options.secrets.jwtPublicKey,
      ...Object.fromEntries(SUBGRAPH_NAMES.map((n) => [`SUBGRAPH_${n.toUpperCase()}_URL`, subgraphUrls[n]])),
    });
    await waitHealthy(gateway, `http://127.0.0.1:${options.ports.gateway}/healthz`, 60_000);
    if (options.workers) {
      for (let i = 0; i < (options.workerProcesses ?? 1); i++)
        start(`workers-${i}`, 'workers/dist/index.js', {});
    }
    return { gatewayUrl: `http://127.0.0.1:${options.ports.gateway}/graphql`, subgraphUrls, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
