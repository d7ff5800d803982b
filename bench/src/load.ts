import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Drives one POST target with autocannon after a warm-up, and keeps the figures we report. */
export async function load(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { connections: number; seconds: number },
): Promise<LoadResult> {
  const run = (duration: number) =>
    autocannon({ url, method: 'POST', headers, body, connections: options.connections, duration });
  await run(3);
  const result = await run(options.seconds);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
