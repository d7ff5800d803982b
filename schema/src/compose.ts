/**
 * Composes the supergraph from each subgraph's printed SDL. Writes schema/subgraphs/*.graphql,
 * schema/supergraph.graphql and schema/api.graphql; with --check, fails when they are stale instead.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';
import { SUBGRAPHS } from './subgraphs';

const root = join(__dirname, '..', '..');
const check = process.argv.includes('--check');
const outputs = new Map<string, string>();

const services = SUBGRAPHS.map(({ name, port }) => {
  // each subgraph prints its own SDL in its own process: type-graphql metadata is process-global
  const sdl = execFileSync(process.execPath, [join(root, 'subgraphs', name, 'dist', 'sdl.js')], {
    encoding: 'utf8',
  });
  outputs.set(join('schema', 'subgraphs', `${name}.graphql`), sdl);
  return { name, url: `http://localhost:${port}/graphql`, typeDefs: parse(sdl) };
});

const result = composeServices(services);
if (result.errors) {
  for (const e of result.errors) console.error(`composition error: ${e.message}`);
  process.exit(1);
}
outputs.set(join('schema', 'supergraph.graphql'), result.supergraphSdl);
outputs.set(
  join('schema', 'api.graphql'),
  printSchema(result.schema.toAPISchema().toGraphQLJSSchema()) + '\n',
);

let stale = 0;
for (const [file, content] of outputs) {
  const path = join(root, file);
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    /* not written yet */
  }
  if (current === content) continue;
  if (check) {
    console.error(`${file} is stale: run npm run compose and commit the result`);
    stale++;
  } else {
    writeFileSync(path, content);
    console.log(`wrote ${file}`);
  }
}
if (stale) process.exit(1);
if (check) console.log('supergraph is current');
