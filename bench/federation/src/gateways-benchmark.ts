import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { NODE_FLAGS } from '@link-archive/devstack';
import { testQuery } from './data';
import { benchSupergraph } from './supergraph';
import { BENCH_SUBGRAPHS } from './subgraphs';

/** One gateway under load: requests/s, latency, errors, and what it cost its core. */
export interface GatewayRun {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  /** Busy core time per request (user + system), in ms. */
  cpuMsPerRequest: number;
  /** The core's busy share during the run. */
  cpuBusy: number;
  rssMb: number;
}

export interface GatewaysFigures {
  seconds: number;
  connections: number;
  runs: GatewayRun[];
}

interface Variant {
  name: string;
  command: string[];
  env?: Record<string, string>;
  cwd?: string;
}

const GATEWAY_CORE = '0';
const LOAD_CORE = '1';
const TICKS_PER_SECOND = 100;
const repo = join(__dirname, '..', '..', '..');
const here = join(__dirname);

/** A child pinned to one core; answers when it prints `ready`. */
function pinned(
  core: string,
  command: string[],
  env: Record<string, string> = {},
  cwd?: string,
): ChildProcess {
  return spawn('taskset', ['-c', core, ...command], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

const firstLine = (child: ChildProcess, prefix: string) =>
  new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.startsWith(prefix)) resolve(line.slice(prefix.length).trim());
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before "${prefix}"`)));
  });

async function waitForGateway(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: testQuery, operationName: 'TestQuery' }),
      });
      const text = await res.text();
      if (res.ok && text.length > 80_000 && !text.includes('"errors"')) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} never answered TestQuery`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** utime + stime of a process, in clock ticks. */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}
const rssMb = (pid: number) =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

async function load(url: string, connections: number, seconds: number) {
  const body = JSON.stringify({ query: testQuery, operationName: 'TestQuery' });
  const child = pinned(LOAD_CORE, [
    process.execPath,
    join(here, 'main-load.js'),
    url,
    String(connections),
    String(seconds),
    body,
  ]);
  const out = await firstLine(child, '{');
  return JSON.parse(`{${out}`) as { rps: number; p50: number; p99: number; errors: number; requests: number };
}

async function measure(
  variant: Variant,
  port: number,
  connections: number,
  seconds: number,
): Promise<GatewayRun> {
  const child = pinned(GATEWAY_CORE, variant.command, { ...variant.env, PORT: String(port) }, variant.cwd);
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    await waitForGateway(url);
    await load(url, connections, 5); // warm-up: JIT, plan caches
    const ticks = cpuTicks(child.pid!);
    const started = performance.now();
    const result = await load(url, connections, seconds);
    const elapsed = (performance.now() - started) / 1000;
    const busySeconds = (cpuTicks(child.pid!) - ticks) / TICKS_PER_SECOND;
    return {
      name: variant.name,
      rps: Math.round(result.rps),
      p50: result.p50,
      p99: result.p99,
      errors: result.errors,
      requests: result.requests,
      cpuMsPerRequest: Math.round(((busySeconds * 1000) / Math.max(1, result.requests)) * 100) / 100,
      cpuBusy: Math.round((busySeconds / elapsed) * 100) / 100,
      rssMb: rssMb(child.pid!),
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/**
 * The public gateways benchmark on this machine: its four subgraphs (written fresh, one process on the load's
 * core), and stock @apollo/gateway, ours (GATEWAY_AUTH=off, production mode) and Hive Gateway (its benchmark
 * config, and with inbound deduplication off) each pinned alone to the other core, under 50 connections.
 */
export async function runGatewaysBenchmark(
  options: { seconds?: number; connections?: number; only?: string[] } = {},
): Promise<GatewaysFigures> {
  const seconds = options.seconds ?? 30;
  const connections = options.connections ?? 50;
  const work = mkdtempSync(join(tmpdir(), 'gateways-'));
  const subgraphs = pinned(LOAD_CORE, [process.execPath, join(here, 'main-subgraphs.js'), '0']);
  try {
    const port = await firstLine(subgraphs, 'ready ');
    const urls = Object.fromEntries(
      BENCH_SUBGRAPHS.map((s) => [s.name, `http://127.0.0.1:${port}/${s.name}`]),
    );
    const supergraph = join(work, 'supergraph.graphql');
    writeFileSync(supergraph, benchSupergraph(urls));
    const hive = (dedup: boolean) => {
      const dir = mkdtempSync(join(work, 'hive-'));
      // the benchmark repository's gateway.config.ts, with its inbound deduplication switchable
      writeFileSync(
        join(dir, 'gateway.config.mjs'),
        `export const gatewayConfig = { inboundInflightRequestDeduplication: ${dedup}, jit: true };\n`,
      );
      return dir;
    };
    const hiveBin = require
      .resolve('@graphql-hive/gateway/package.json')
      .replace(/package\.json$/, 'dist/bin.js');
    const ours = (dedup: boolean): Variant => ({
      name: dedup ? 'ours' : 'ours, GATEWAY_DEDUP=off',
      // as deployed: with the gateway's V8 flags
      command: [process.execPath, ...NODE_FLAGS.gateway!, join(repo, 'gateway', 'dist', 'index.js')],
      env: {
        NODE_ENV: 'production',
        GATEWAY_AUTH: 'off',
        GATEWAY_AUTH_OFF_IN_PRODUCTION: 'i-understand',
        GATEWAY_DEDUP: dedup ? 'on' : 'off',
        SUPERGRAPH_PATH: supergraph,
        REDIS_PREFIX: `bench_gateways_${process.pid}:`,
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
      },
    });
    const variants: Variant[] = [
      { name: 'stock @apollo/gateway', command: [process.execPath, join(here, 'main-stock.js'), supergraph] },
      ours(true),
      ours(false),
      {
        name: 'Hive Gateway (benchmark config)',
        command: [process.execPath, hiveBin, 'supergraph', supergraph, '--jit'],
        env: { NODE_ENV: 'production' },
        cwd: hive(true),
      },
      {
        name: 'Hive Gateway, inbound dedup off',
        command: [process.execPath, hiveBin, 'supergraph', supergraph, '--jit'],
        env: { NODE_ENV: 'production' },
        cwd: hive(false),
      },
    ].filter((v) => !options.only || options.only.some((o) => v.name.includes(o)));
    const runs: GatewayRun[] = [];
    let next = 4100;
    for (const variant of variants) {
      const port = next++;
      // Hive's CLI takes the port as a flag
      const command =
        variant.command[1] === hiveBin ? [...variant.command, '--port', String(port)] : variant.command;
      console.log(`measuring ${variant.name}…`);
      runs.push(await measure({ ...variant, command }, port, connections, seconds));
    }
    return { seconds, connections, runs };
  } finally {
    subgraphs.kill('SIGTERM');
  }
}

export function gatewaysSection(f: GatewaysFigures): string {
  const find = (name: string) => f.runs.find((r) => r.name === name);
  const stock = find('stock @apollo/gateway');
  const hive = find('Hive Gateway (benchmark config)');
  const hiveOff = find('Hive Gateway, inbound dedup off');
  const ours = find('ours');
  const oursOff = find('ours, GATEWAY_DEDUP=off');
  const ratio = (a?: number, b?: number) => (a && b ? `${(a / b).toFixed(2)}x` : 'n/a');
  const rows = f.runs
    .map(
      (r) =>
        `| ${r.name} | ${r.rps} | ${r.p50} ms | ${r.p99} ms | ${r.errors} | ${r.cpuMsPerRequest} ms (${Math.round(r.cpuBusy * 100)} %) | ${r.rssMb} MB |`,
    )
    .join('\n');
  return `## Gateways on the public federation benchmark

The public gateways benchmark's four subgraphs (\`bench/federation\`, written fresh from its data, one process)
and the TestQuery (~87 KB per response), ${f.connections} connections for ${f.seconds} s after a 5 s warm-up;
each gateway alone on core 0 (\`taskset\`), subgraphs and load on core 1. Ours runs as deployed (production mode, its
V8 flags: \`${NODE_FLAGS.gateway!.join(' ')}\`) with \`GATEWAY_AUTH=off\`. \`npm run bench:federation\`.

| gateway | requests/s | p50 | p99 | errors | gateway CPU per request (core busy) | RSS |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${rows}

Ratios: ours/stock ${ratio(ours?.rps, stock?.rps)}, ours/Hive ${ratio(ours?.rps, hive?.rps)}; with deduplication
off: ours/Hive ${ratio(oursOff?.rps, hiveOff?.rps)}, CPU per request ours/stock ${ratio(oursOff?.cpuMsPerRequest, stock?.cpuMsPerRequest)}.
`;
}
