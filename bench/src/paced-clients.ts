import { Pool } from 'undici';
import { percentile } from './bench-client';

export interface PacedResult {
  p50: number;
  p99: number;
  requestsPerSecond: number;
  errors: number;
}

/**
 * Independent clients, each sending one request every `intervalMs` from a random start within the first
 * interval (so they are spread as real users are, not in lockstep), the next one waiting for the answer when
 * it is late, for `seconds`. Latency runs from sending to the whole answer read. Each client keeps its own warm
 * connection, as an app does; undici's pool instead of fetch() keeps the load generator's own CPU (on the same
 * two cores as the stack) to a fraction.
 */
export async function pacedClients(options: {
  url: string;
  clients: number;
  intervalMs: number;
  seconds: number;
  /** Run this long first, over the same connections, without counting (JIT, caches, connections warm). */
  warmUpSeconds?: number;
  request: (client: number) => { headers: Record<string, string>; body: string };
}): Promise<PacedResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const counted = started + (options.warmUpSeconds ?? 0) * 1_000;
  const until = counted + options.seconds * 1_000;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

  const target = new URL(options.url);
  const pool = new Pool(target.origin, { connections: options.clients, keepAliveTimeout: 60_000 });
  const path = `${target.pathname}${target.search}`;
  const client = async (i: number) => {
    let next = started + Math.random() * options.intervalMs;
    for (;;) {
      await sleep(next - performance.now());
      if (performance.now() >= until) return;
      const { headers, body } = options.request(i);
      const sent = performance.now();
      try {
        const res = await pool.request({
          path,
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
        const text = await res.body.text();
        const failed = res.statusCode !== 200 || text.includes('"errors"');
        if (sent >= counted) {
          if (failed) errors++;
          else latencies.push(performance.now() - sent);
        }
      } catch {
        if (sent >= counted) errors++;
      }
      next += options.intervalMs;
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  await pool.close();
  latencies.sort((a, b) => a - b);
  return {
    p50: Math.round(percentile(latencies, 0.5)),
    p99: Math.round(percentile(latencies, 0.99)),
    requestsPerSecond: Math.round(latencies.length / options.seconds),
    errors,
  };
}
