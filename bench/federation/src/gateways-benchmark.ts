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
  rounds: number;
  runs: GatewayRun[];
}

interface Variant {
  name: string;
  command: string[];
  /** The port goes on the command line (Hive's CLI), not in PORT. */
  portFlag?: boolean;
  env?: Record<string, string>;
  cwd?: string;
}

const GATEWAY_CORE = '0';
const LOAD_CORE = '1';
const TICKS_PER_SECOND = 100;
/** Load before the first measurement of each gateway: JIT, plan caches, heap sizes. */
const WARM_UP_SECONDS = 5;
/** Load before each measured segment, after the gateway sat idle while the others were measured. */
const SETTLE_SECONDS = 2;
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
/** The most resident memory the process has held (it shrinks while the others are measured). */
const peakRssMb = (pid: number) =>
  Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

interface LoadResult {
  requests: number;
  errors: number;
  /** 2xx latencies: whole milliseconds → responses. */
  latencies: Record<string, number>;
}

async function load(url: string, connections: number, seconds: number): Promise<LoadResult> {
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
  return JSON.parse(`{${out}`) as LoadResult;
}

/** The smallest latency at or under which `share` of the responses came. */
function percentile(latencies: Map<number, number>, share: number): number {
  const sorted = [...latencies].sort(([a], [b]) => a - b);
  const total = sorted.reduce((sum, [, n]) => sum + n, 0);
  let seen = 0;
  for (const [ms, n] of sorted) {
    seen += n;
    if (seen >= share * total) return ms;
  }
  return 0;
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/** A gateway process and what its measured segments added up to. */
interface Running {
  variant: Variant;
  child: ChildProcess;
  url: string;
  ticks: number;
  seconds: number;
  requests: number;
  errors: number;
  latencies: Map<number, number>;
}

function start(variant: Variant, port: number): Running {
  const command = variant.portFlag ? [...variant.command, '--port', String(port)] : variant.command;
  const child = pinned(GATEWAY_CORE, command, { ...variant.env, PORT: String(port) }, variant.cwd);
  child.stdout!.resume();
  return {
    variant,
    child,
    url: `http://127.0.0.1:${port}/graphql`,
    ticks: 0,
    seconds: 0,
    requests: 0,
    errors: 0,
    latencies: new Map(),
  };
}

/** One measured segment of load on one gateway, after a short unmeasured one (it sat idle meanwhile). */
async function segment(run: Running, connections: number, seconds: number): Promise<void> {
  await load(run.url, connections, SETTLE_SECONDS);
  const ticks = cpuTicks(run.child.pid!);
  const started = performance.now();
  const result = await load(run.url, connections, seconds);
  run.seconds += (performance.now() - started) / 1000;
  run.ticks += cpuTicks(run.child.pid!) - ticks;
  run.requests += result.requests;
  run.errors += result.errors;
  for (const [ms, n] of Object.entries(result.latencies)) {
    run.latencies.set(Number(ms), (run.latencies.get(Number(ms)) ?? 0) + n);
  }
}

function figures(run: Running): GatewayRun {
  const busySeconds = run.ticks / TICKS_PER_SECOND;
  return {
    name: run.variant.name,
    rps: Math.round(run.requests / run.seconds),
    p50: percentile(run.latencies, 0.5),
    p99: percentile(run.latencies, 0.99),
    errors: run.errors,
    requests: run.requests,
    cpuMsPerRequest: Math.round(((busySeconds * 1000) / Math.max(1, run.requests)) * 100) / 100,
    cpuBusy: Math.round((busySeconds / run.seconds) * 100) / 100,
    rssMb: peakRssMb(run.child.pid!),
  };
}

/** The gateways measured, as deployed: stock, ours with and without dedup, Hive Gateway with and without. */
function benchVariants(work: string, supergraph: string, only?: string[]): Variant[] {
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
      REDIS_PREFIX: `bench_gateways_${process.pid}_${dedup ? 'on' : 'off'}:`,
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
      portFlag: true,
      env: { NODE_ENV: 'production' },
      cwd: hive(true),
    },
    {
      name: 'Hive Gateway, inbound dedup off',
      command: [process.execPath, hiveBin, 'supergraph', supergraph, '--jit'],
      portFlag: true,
      env: { NODE_ENV: 'production' },
      cwd: hive(false),
    },
  ];
  return variants.filter((v) => !only || only.some((o) => v.name.includes(o)));
}

/**
 * The public gateways benchmark on this machine: its four subgraphs (written fresh, one process on the load's
 * core), and stock @apollo/gateway, ours (GATEWAY_AUTH=off, production mode) and Hive Gateway (its benchmark
 * config, and with inbound deduplication off) all started on the other core, under 50 connections, one at a
 * time. Each is measured in `rounds` segments that take turns (forwards, then backwards): this machine's cores
 * change speed from minute to minute, and taking turns gives every gateway the same share of fast and slow
 * minutes, so the ratios between them hold within one run.
 */
export async function runGatewaysBenchmark(
  options: { seconds?: number; connections?: number; rounds?: number; only?: string[] } = {},
): Promise<GatewaysFigures> {
  const seconds = options.seconds ?? 30;
  const connections = options.connections ?? 50;
  const rounds = options.rounds ?? 3;
  const work = mkdtempSync(join(tmpdir(), 'gateways-'));
  const subgraphs = pinned(LOAD_CORE, [process.execPath, join(here, 'main-subgraphs.js'), '0']);
  const running: Running[] = [];
  try {
    const port = await firstLine(subgraphs, 'ready ');
    const urls = Object.fromEntries(
      BENCH_SUBGRAPHS.map((s) => [s.name, `http://127.0.0.1:${port}/${s.name}`]),
    );
    const supergraph = join(work, 'supergraph.graphql');
    writeFileSync(supergraph, benchSupergraph(urls));
    let next = 4100;
    for (const variant of benchVariants(work, supergraph, options.only)) running.push(start(variant, next++));
    for (const run of running) {
      console.log(`starting ${run.variant.name}…`);
      await waitForGateway(run.url);
      await load(run.url, connections, WARM_UP_SECONDS); // JIT, plan caches, heap sizes
    }
    for (let round = 0; round < rounds; round++) {
      for (const run of round % 2 === 0 ? running : [...running].reverse()) {
        console.log(`round ${round + 1}/${rounds}: ${run.variant.name}…`);
        await segment(run, connections, seconds / rounds);
      }
    }
    return { seconds, connections, rounds, runs: running.map(figures) };
  } finally {
    // the gateways first: a gateway whose subgraphs vanish under it logs every failed health check
    await Promise.all(running.map((run) => stop(run.child)));
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
and the TestQuery (~87 KB per response), ${f.connections} connections; the gateways all on core 0 (\`taskset\`), subgraphs
and load on core 1. One gateway is loaded at a time: after a ${WARM_UP_SECONDS} s warm-up each, ${f.seconds} s of each are measured in
${f.rounds} segments that take turns (forwards, then backwards; ${SETTLE_SECONDS} s of unmeasured load before each), so that
the cores' changes of speed from minute to minute fall on all of them alike. Ours runs as deployed (production mode,
its V8 flags: \`${NODE_FLAGS.gateway!.join(' ')}\`) with \`GATEWAY_AUTH=off\`. \`npm run bench:federation\`.

| gateway | requests/s | p50 | p99 | errors | gateway CPU per request (core busy) | peak RSS |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${rows}

Ratios: ours/stock ${ratio(ours?.rps, stock?.rps)}, ours/Hive ${ratio(ours?.rps, hive?.rps)}; with deduplication
off: ours/Hive ${ratio(oursOff?.rps, hiveOff?.rps)}, CPU per request ours/stock ${ratio(oursOff?.cpuMsPerRequest, stock?.cpuMsPerRequest)}.
`;
}
