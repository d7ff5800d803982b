import { getOperationAST, parse, type OperationTypeNode } from 'graphql';

const MAX_REMEMBERED = 2_000;
const remembered = new Map<string, OperationTypeNode | null>();

/**
 * The type of the operation a request runs (query, mutation, subscription), or null when the text does not
 * parse or names no single operation; remembered per text and name (clients send the same few documents).
 */
export function operationKind(query: string, operationName: string | undefined): OperationTypeNode | null {
  const key = `${operationName ?? ''}\n${query}`;
  const known = remembered.get(key);
  if (known !== undefined) return known;
  let kind: OperationTypeNode | null = null;
  try {
    kind = getOperationAST(parse(query, { noLocation: true }), operationName)?.operation ?? null;
  } catch {
    kind = null;
  }
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(key, kind);
  return kind;
}
