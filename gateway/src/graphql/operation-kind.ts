import { getOperationAST, parse, type OperationTypeNode } from 'graphql';

const MAX_REMEMBERED = 2_000;
/** Names remembered per text: a client may send one text under any number of names. */
const MAX_NAMES = 16;
/** By text, then by operation name: no key joined from the two, so a text seen before is not hashed again. */
const remembered = new Map<string, Map<string, OperationTypeNode | null>>();

/**
 * The type of the operation a request runs (query, mutation, subscription), or null when the text does not
 * parse or names no single operation; remembered per text and name (clients send the same few documents, and
 * the query planner the same subgraph operations).
 */
export function operationKind(query: string, operationName: string | undefined): OperationTypeNode | null {
  let byName = remembered.get(query);
  const known = byName?.get(operationName ?? '');
  if (known !== undefined) return known;
  let kind: OperationTypeNode | null = null;
  try {
    kind = getOperationAST(parse(query, { noLocation: true }), operationName)?.operation ?? null;
  } catch {
    kind = null;
  }
  if (!byName) {
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(query, (byName = new Map()));
  }
  if (byName.size >= MAX_NAMES) byName.clear();
  byName.set(operationName ?? '', kind);
  return kind;
}
