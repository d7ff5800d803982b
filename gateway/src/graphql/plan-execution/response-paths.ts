import type { ResponsePath } from '@apollo/query-planner';

type Data = Record<string, unknown>;

/** Walks the field names of `path[from..to)` down from `value`, stopping at a missing value. */
function fieldAt(value: unknown, path: ResponsePath, from: number, to: number): unknown {
  for (let i = from; i < to && value !== null && value !== undefined; i++) {
    const step = path[i];
    if (typeof step !== 'string') throw new Error(`Unexpected ${typeof step} found in path`);
    if (Array.isArray(value)) throw new Error(`Unexpected array in result for path element ${step}`);
    value = Object.hasOwn(value as Data, step) ? (value as Data)[step] : undefined;
  }
  return value;
}

/** Where the path's next `@` is, from `from` on (its end when there is none). */
function nextList(path: ResponsePath, from: number): number {
  const at = path.indexOf('@', from);
  return at === -1 ? path.length : at;
}

/** Adds to `out` what the value reaches along `path[from..]` (one level of lists spread, as flatMap does). */
function collect(out: unknown[], value: unknown, path: ResponsePath, from: number): void {
  const list = nextList(path, from);
  const reached = fieldAt(value, path, from, list);
  if (list < path.length && reached !== null && reached !== undefined) {
    if (!Array.isArray(reached)) throw new TypeError('value.flatMap is not a function');
    for (const element of reached) collect(out, element, path, list + 1);
  } else if (Array.isArray(reached)) {
    for (const element of reached) out.push(element);
  } else {
    out.push(reached);
  }
}

/**
 * The values a query plan's Flatten path (`users.@.reviews.@.product`) reaches: the value itself for a path
 * without `@`, otherwise one flat list (missing values in it as they are). @apollo/gateway's
 * flattenResultsAtPath, without a rest-of-path array and a nested list for every element.
 */
export function valuesAtPath(value: unknown, path: ResponsePath): unknown {
  const list = nextList(path, 0);
  const reached = fieldAt(value, path, 0, list);
  if (list === path.length || reached === null || reached === undefined) return reached;
  if (!Array.isArray(reached)) throw new TypeError('value.flatMap is not a function');
  const out: unknown[] = [];
  for (const element of reached) collect(out, element, path, list + 1);
  return out;
}
