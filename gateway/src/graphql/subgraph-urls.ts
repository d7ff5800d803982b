import type { GatewayEnvironment } from '../environment';

/**
 * Subgraph URLs from the supergraph's join__Graph entries, each overridable by SUBGRAPH_<NAME>_URL
 * (docker and tests differ from local only in host and port). Any supergraph: the gateway needs no subgraph by name
 * unless its auth is on (see app.ts).
 */
export function subgraphUrls(supergraphSdl: string, env: GatewayEnvironment): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const match of supergraphSdl.matchAll(/@join__graph\(name: "(\w+)", url: "([^"]+)"\)/g)) {
    const [, name, url] = match as unknown as [string, string, string];
    const override = env[`SUBGRAPH_${name.toUpperCase()}_URL` as keyof GatewayEnvironment];
    urls[name] = typeof override === 'string' ? override : url;
  }
  return urls;
}
