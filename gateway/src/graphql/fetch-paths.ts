import { Kind, parse, type SelectionSetNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/** At most this many errors describe one failed fetch (a page of 100 entities with a few fields each). */
const MAX_PATHS = 300;

const fieldsOf = (set: SelectionSetNode): string[] =>
  set.selections.flatMap((s) =>
    s.kind === Kind.FIELD
      ? s.name.value === '__typename'
        ? []
        : [s.alias?.value ?? s.name.value]
      : s.kind === Kind.INLINE_FRAGMENT
        ? fieldsOf(s.selectionSet)
        : [],
  );

const cache = new LRUCache<string, { root: string[]; entity: string[] }>({ max: 1_000 });

/** The response fields a subgraph operation asks for: its root fields, or each entity's fields. */
function requestedFields(query: string): { root: string[]; entity: string[] } {
  let fields = cache.get(query);
  if (!fields) {
    const operation = parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
    const root = operation && 'selectionSet' in operation ? fieldsOf(operation.selectionSet) : [];
    const entities = operation?.selectionSet.selections.find(
      (s) => s.kind === Kind.FIELD && s.name.value === '_entities',
    );
    const entity =
      entities && 'selectionSet' in entities && entities.selectionSet ? fieldsOf(entities.selectionSet) : [];
    fields = { root, entity };
    cache.set(query, fields);
  }
  return fields;
}

/**
 * The paths, in the subgraph's response, of everything a failed fetch would have returned: each entity's
 * fields (`_entities`, index, field), which the query plan turns into paths in the client's response, or the
 * root fields of a root fetch.
 */
export function pathsOfFetch(
  query: string,
  variables: Record<string, unknown> | undefined,
): (string | number)[][] {
  const { root, entity } = requestedFields(query);
  const representations = variables?.representations;
  const paths = Array.isArray(representations)
    ? representations.flatMap((_, i) => entity.map((field) => ['_entities', i, field]))
    : root.map((field) => [field]);
  return paths.slice(0, MAX_PATHS);
}
