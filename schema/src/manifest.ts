/**
 * Turns codegen's persisted documents (sha256 → document) into Apollo's persisted query manifest,
 * schema/persisted-queries.json: the operations partners may run with an API key.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

const root = join(__dirname, '..', '..');
const documents = JSON.parse(
  readFileSync(join(root, 'packages', 'client', 'src', 'generated', 'persisted-documents.json'), 'utf8'),
) as Record<string, string>;

const operations = Object.entries(documents)
  .map(([id, body]) => {
    if (createHash('sha256').update(body).digest('hex') !== id) throw new Error(`hash mismatch for ${id}`);
    const op = parse(body).definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    if (!op?.name) throw new Error(`persisted operations must be named: ${body.slice(0, 80)}`);
    return { id, name: op.name.value, type: op.operation, body };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

const manifest = { format: 'apollo-persisted-query-manifest', version: 1, operations };
writeFileSync(join(root, 'schema', 'persisted-queries.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`wrote schema/persisted-queries.json with ${operations.length} operations`);
