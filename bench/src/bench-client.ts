/** What the benchmarks ask a running stack: GraphQL over HTTP, Prometheus metrics, latency percentiles. */
import { graphqlRequest } from '@link-archive/devstack';

/** One GraphQL request; its data, or an error naming what the server answered. */
export const gql = graphqlRequest;

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
