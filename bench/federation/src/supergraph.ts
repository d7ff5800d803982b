import { composeServices } from '@apollo/composition';
import { BENCH_SUBGRAPHS } from './subgraphs';

/** The benchmark's supergraph, its subgraphs at these URLs. */
export function benchSupergraph(urls: Record<string, string>): string {
  const result = composeServices(
    BENCH_SUBGRAPHS.map(({ name, typeDefs }) => ({ name, url: urls[name]!, typeDefs })),
  );
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}
