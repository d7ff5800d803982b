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
 * What a fetch's `requires` selects of each entity, to send as its representation: @apollo/gateway's
 * executeSelectionSet (null when a selected field is missing; a fragment counts only for the entity's type), in
 * ordinary objects: the stock null-prototype ones are dictionary-mode objects that JSON.stringify walks at about
 * half the speed. Alongside, `key`: every value the representation was made from, each written so that it ends
 * where the next begins, so two entities with the same key have the same representation (the fetch sends it once)
 * without a JSON.stringify of each to find out.
 */
export class Representations {
  key = '';

  constructor(private readonly schema: GraphQLSchema) {}

  of(source: unknown, selections: readonly QueryPlanSelectionNode[]): Data | null {
    this.key = '';
    return this.select(source, selections);
  }

  private leaf(value: unknown): unknown {
    switch (typeof value) {
      case 'string':
        this.key += `s${value.length}:${value}`;
        break;
      case 'number':
        this.key += `n${value};`;
        break;
      case 'boolean':
        this.key += value ? 'T' : 'F';
        break;
      default: {
        const json = JSON.stringify(value) ?? '';
        this.key += `j${json.length}:${json}`;
      }
    }
    return value;
  }

  private select(source: unknown, selections: readonly QueryPlanSelectionNode[]): Data | null {
    if (source === null) {
      this.key += 'z';
      return null;
    }
    let result: Data = {};
    let empty = true;
    for (const selection of selections) {
      if (selection.kind === 'Field') {
        const responseName = selection.alias ?? selection.name;
        const nested = selection.selections;
        const value = Object.hasOwn(source as object, responseName)
          ? (source as Data)[responseName]
          : undefined;
        if (value === undefined) {
          // where the reading stopped: another entity that read on from here cannot have the same key
          this.key += '!';
          return null;
        }
        if (Array.isArray(value)) {
          this.key += `[${value.length};`;
          const list = nested
            ? value.map((element: unknown) => this.select(element, nested))
            : value.map((element: unknown) => this.leaf(element));
          setOwn(result, responseName, list);
        } else {
          setOwn(result, responseName, nested ? this.select(value, nested) : this.leaf(value));
        }
        empty = false;
      } else {
        if (!selection.typeCondition || !source) continue;
        const applies = isObjectOfType(this.schema, source as Data, selection.typeCondition);
        this.key += applies ? '+' : '-';
        if (!applies) continue;
        const fragment = this.select(source, selection.selections);
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
}
