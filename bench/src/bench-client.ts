/** What the benchmarks ask a running stack: GraphQL over HTTP, Prometheus metrics, latency percentiles. */

/** One GraphQL request; its data, or an error naming what the server answered. */
export async function gql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (!body.data) throw new Error(`request failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** A Prometheus counter or gauge summed over its series (those whose line contains `filter`). */
export async function metric(url: string, name: string, filter = ''): Promise<number> {
  const text = await (await fetch(new URL('/metrics', url))).text();
  return text
    .split('\n')
    .filter((l) => (l.startsWith(`${name} `) || l.startsWith(`${name}{`)) && l.includes(filter))
    .reduce((sum, l) => sum + Number(l.split(' ').at(-1)), 0);
}

/** The value at `fraction` (0.5, 0.99) of ascending `sorted` latencies, in whole ms. */
export const percentile = (sorted: number[], fraction: number): number =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? NaN);
