import type { ResponsePath } from '@apollo/query-planner';

type Data = Record<string, unknown>;

const hasOwn = (value: object, key: string) => Object.prototype.hasOwnProperty.call(value, key);

function checkStep(value: unknown, step: string | number): void {
  if (typeof step !== 'string') throw new Error(`Unexpected ${typeof step} found in path`);
  if (Array.isArray(value)) throw new Error(`Unexpected array in result for path element ${step}`);
}

/** Adds to `out` what the values at `path[from..]` under `value` contribute to a list (flatMap's one level). */
function collect(out: unknown[], value: unknown, path: ResponsePath, from: number): void {
  let i = from;
  while (i < path.length && value !== null && value !== undefined && path[i] !== '@') {
    checkStep(value, path[i]!);
    value = hasOwn(value as Data, path[i] as string) ? (value as Data)[path[i] as string] : undefined;
    i++;
  }
  if (i < path.length && value !== null && value !== undefined) {
    if (!Array.isArray(value)) throw new TypeError('value.flatMap is not a function');
    for (const element of value) collect(out, element, path, i + 1);
  } else if (Array.isArray(value)) {
    for (const element of value) out.push(element);
  } else {
    out.push(value);
  }
}

/**
 * The values a query plan's Flatten path (`users.@.reviews.@.product`) reaches: the value itself for a path
 * without `@`, otherwise one flat list (missing values in it as they are). @apollo/gateway's
 * flattenResultsAtPath, without a rest-of-path array and a nested list for every element.
 */
export function valuesAtPath(value: unknown, path: ResponsePath): unknown {
  let i = 0;
  while (i < path.length && value !== null && value !== undefined && path[i] !== '@') {
    checkStep(value, path[i]!);
    value = hasOwn(value as Data, path[i] as string) ? (value as Data)[path[i] as string] : undefined;
    i++;
  }
  if (i === path.length || value === null || value === undefined) return value;
  if (!Array.isArray(value)) throw new TypeError('value.flatMap is not a function');
  const out: unknown[] = [];
  for (const element of value) collect(out, element, path, i + 1);
  return out;
}
