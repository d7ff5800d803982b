/** Reads one counter from a service's Prometheus /metrics. */
export async function readCounter(graphqlUrl: string, name: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', graphqlUrl))).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
  if (!line) throw new Error(`metric ${name} not found at ${graphqlUrl}`);
  return Number(line.split(' ').at(-1));
}
