import { isObjectOfType } from '@apollo/gateway/dist/dataRewrites';
import type { QueryPlanSelectionNode } from '@apollo/query-planner';
import type { GraphQLSchema } from 'graphql';
import { mergeData } from './merge-data';

type Data = Record<string, unknown>;

function setOwn(target: Data, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { configurable: true, enumerable: true, writable: true, value });
  } else {
    target[key] = value;
  }
}

/**
 * What a fetch's `requires` selects of an entity, to send as its representation: @apollo/gateway's
 * executeSelectionSet (null when a selected field is missing; a fragment counts only for the entity's type), in
 * ordinary objects: the stock null-prototype ones are dictionary-mode objects that JSON.stringify walks at about
 * half the speed, and every representation is stringified into the subgraph's request.
 */
export function representation(
  schema: GraphQLSchema,
  source: unknown,
  selections: readonly QueryPlanSelectionNode[],
): Data | null {
  if (source === null) return null;
  let result: Data = {};
  let empty = true;
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const responseName = selection.alias ?? selection.name;
      const nested = selection.selections;
      if (!Object.prototype.hasOwnProperty.call(source, responseName)) return null;
      const value = (source as Data)[responseName];
      if (value === undefined) return null;
      if (Array.isArray(value)) {
        setOwn(
          result,
          responseName,
          nested ? value.map((element: unknown) => representation(schema, element, nested)) : value.slice(),
        );
      } else {
        setOwn(result, responseName, nested ? representation(schema, value, nested) : value);
      }
      empty = false;
    } else {
      if (!selection.typeCondition || !source) continue;
      if (!isObjectOfType(schema, source as Data, selection.typeCondition)) continue;
      const fragment = representation(schema, source, selection.selections);
      if (empty && fragment) {
        result = fragment;
        empty = false;
      } else {
        mergeData(result, fragment);
        if (fragment) empty = false;
      }
    }
  }
  return result;
}
