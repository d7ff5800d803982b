import * as federation from '@apollo/federation-internals';
import type {
  CompositeType,
  Directive,
  Field,
  FieldSelection,
  FragmentElement,
  Schema,
  SelectionSet,
  Type,
} from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';
import type { Plan } from './write-json';

// read once: the package's exports are getters, and these run for every value of the data
export const {
  ERRORS,
  Variable,
  baseType,
  isCompositeType,
  isCustomScalarType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isSubtype,
  isValidLeafValue,
  typenameFieldName,
} = federation;
export const assert: typeof federation.assert = federation.assert;

export type Input = Record<string, unknown>;
export type Output = Record<string, unknown>;

/** One request's shaping: what every step reads, and the errors it reports. */
export interface Shaping {
  schema: Schema;
  variables: Record<string, unknown>;
  errors: GraphQLError[];
  introspectionHandling: (selection: FieldSelection) => unknown;
  /** Each selection set of the operation, prepared the first time the data reaches it. */
  prepared: WeakMap<SelectionSet, PreparedSet>;
}

export interface FieldStep {
  kind: 'field';
  skip: boolean | Error;
  responseName: string;
  name: string;
  type: Type;
  introspection: boolean;
  selection: FieldSelection;
  selectionSet: SelectionSet | undefined;
}

export interface FragmentStep {
  kind: 'fragment';
  skip: boolean | Error;
  typeCondition: CompositeType | undefined;
  selectionSet: SelectionSet;
}

export type Step = FieldStep | FragmentStep;

/** A selection set's steps, and what the text writer derived from them per runtime type (its plans). */
export interface PreparedSet {
  steps: Step[];
  plans?: Map<CompositeType, Map<string, Plan>>;
}

export const OK = 0;
export const NULL_BUBBLE_UP = 1;
export type Applied = typeof OK | typeof NULL_BUBBLE_UP;

export const own = (input: Input, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(input, key) ? input[key] : undefined;

function conditionValue(
  directive: Directive<Field | FragmentElement, { if: unknown }>,
  variables: Record<string, unknown>,
): boolean {
  const condition = directive.arguments().if;
  if (!(condition instanceof Variable)) return condition as boolean;
  const value = variables[condition.name];
  assert(
    value !== undefined && typeof value === 'boolean',
    () => `Unexpected value ${String(value)} for variable ${String(condition)} of ${String(directive)}`,
  );
  return value as boolean;
}

/** Whether @skip/@include drop the element; an error is kept to be thrown where the stock code throws it. */
function skipped(element: Field | FragmentElement, shaping: Shaping): boolean | Error {
  try {
    const skip = element.appliedDirectivesOf(shaping.schema.skipDirective())[0];
    const include = element.appliedDirectivesOf(shaping.schema.includeDirective())[0];
    return (
      (!!skip && conditionValue(skip, shaping.variables)) ||
      (!!include && !conditionValue(include, shaping.variables))
    );
  } catch (err) {
    return err as Error;
  }
}

/** The selection set read once for this request: response names, types, whether @skip/@include drop each. */
export function prepare(selectionSet: SelectionSet, shaping: Shaping): PreparedSet {
  let prepared = shaping.prepared.get(selectionSet);
  if (prepared) return prepared;
  const steps = selectionSet.selections().map((selection): Step => {
    if (selection.kind === 'FieldSelection') {
      const field = selection.element;
      return {
        kind: 'field',
        skip: skipped(field, shaping),
        responseName: field.responseName(),
        name: field.name,
        type: field.definition.type!,
        introspection: field.definition.isSchemaIntrospectionField(),
        selection,
        selectionSet: selection.selectionSet,
      };
    }
    return {
      kind: 'fragment',
      skip: skipped(selection.element, shaping),
      typeCondition: selection.element.typeCondition,
      selectionSet: selection.selectionSet,
    };
  });
  prepared = { steps };
  shaping.prepared.set(selectionSet, prepared);
  return prepared;
}

export function typeConditionApplies(
  schema: Schema,
  typeCondition: CompositeType | undefined,
  typename: string | undefined,
  parentType: CompositeType,
): boolean {
  if (!typeCondition) return true;
  if (typename) {
    const type = schema.type(typename);
    return !!type && isSubtype(typeCondition, type as never);
  }
  return isSubtype(typeCondition, parentType);
}

export function describeLast(
  path: (string | number)[],
  currentType: Type,
  parentType: CompositeType,
): string {
  const element = path[path.length - 1];
  assert(element !== undefined, 'Should not have been called on an empty path');
  return typeof element === 'string'
    ? `field ${String(parentType)}.${element}`
    : `array element of type ${String(currentType)} at index ${element}`;
}

/**
 * The checks the stock shaping makes of a value for a composite type before shaping it (each failure throws its
 * message), and the value's __typename.
 */
export function checkedTypename(
  selectionSet: SelectionSet | undefined,
  inputValue: unknown,
  type: Type,
  path: (string | number)[],
): string | undefined {
  assert(selectionSet, () => `Invalid empty selection set for composite type ${String(type)}`);
  assert(
    typeof inputValue === 'object',
    () =>
      `Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${String(type)}`,
  );
  const inputTypename = (inputValue as Input)[typenameFieldName];
  assert(
    inputTypename === undefined || typeof inputTypename === 'string',
    () => `Invalid non-string value ${String(inputTypename)} for __typename at ${String(path)}`,
  );
  return inputTypename as string | undefined;
}

/** The error a null in a non-null position reports (once, where no deeper error explains it). */
export const nullForNonNull = (path: (string | number)[], type: Type, parentType: CompositeType) =>
  ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${describeLast(path, type, parentType)}.`, {
    path: Array.from(path),
  });

export const invalidTypename = (path: (string | number)[], type: Type, parentType: CompositeType) =>
  ERRORS.INVALID_GRAPHQL.err(
    `Invalid __typename found for object at ${describeLast(path, type, parentType)}.`,
    {
      path: Array.from(path),
    },
  );

export const invalidLeaf = (path: (string | number)[], type: Type, parentType: CompositeType) =>
  ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${describeLast(path, type, parentType)}.`, {
    path: Array.from(path),
  });

/** The shaping state of one request (`computeResponse`'s arguments). */
export function startShaping(
  schema: Schema,
  defaults: Record<string, unknown>,
  variables: Record<string, unknown> | undefined,
  introspectionHandling: (selection: FieldSelection) => unknown,
): Shaping {
  return {
    schema,
    variables: { __proto__: null, ...defaults, ...variables } as Record<string, unknown>,
    errors: [],
    introspectionHandling,
    prepared: new WeakMap(),
  };
}
