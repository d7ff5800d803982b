type Data = Record<string, unknown>;

const isObject = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Merges a subgraph's answer into the data it extends: @apollo/gateway's deepMerge, the same result (objects
 * merge key by key, lists of the same length element by element, anything else replaces; a key the target
 * only inherits, like `constructor`, becomes its own first), without a helper call per key.
 */
export function mergeData(target: Data, source: Data | null | undefined): Data {
  if (source === undefined || source === null) return target;
  const keys = Object.keys(source);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const value = source[key];
    if (value === undefined) continue;
    let current: unknown;
    if (Object.hasOwn(target, key)) {
      current = target[key];
    } else if (key in target) {
      Object.defineProperty(target, key, {
        configurable: true,
        enumerable: true,
        writable: true,
        value: undefined,
      });
    }
    // the same object already (answers shared by entities with one representation): nothing to merge
    if (current === value) continue;
    if (current && isObject(value)) {
      mergeData(current as Data, value);
    } else if (Array.isArray(value) && Array.isArray(current) && value.length === current.length) {
      for (let i = 0; i < value.length; i++) {
        const from: unknown = value[i];
        const into: unknown = current[i];
        if (isObject(into) && isObject(from)) mergeData(into, from);
        else current[i] = from;
      }
    } else {
      target[key] = value;
    }
  }
  return target;
}
