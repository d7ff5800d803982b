import { printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';

/** Entry point of each subgraph's `sdl.js`: prints its subgraph SDL for composition. */
export function printSdl(build: () => Promise<GraphQLSchema>): void {
  build()
    .then((schema) => process.stdout.write(printSubgraphSchema(schema)))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
