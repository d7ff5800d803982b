import * as federation from '@apollo/federation-internals';
import type {
  CompositeType,
  Directive,
  Field,
  FieldSelection,
  FragmentElement,
  Operation,
  Schema,
  SelectionSet,
  Type,
} from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';

/**
 * The last step of @apollo/gateway's execution (`computeResponse` in its resultShaping module): the merged
 * subgraph data shaped to the client's selection (aliases, fragments, @skip/@include, __typename, null
 * propagation, leaf checks). Same algorithm and results, but each selection set is read once per request
 * (response name, type, whether @skip/@include drop it) instead of once per object of the data: the stock code
 * re-reads directives and definitions, through getters, for every object of every list.
 */

// read once: the package's exports are getters, and these run for every value of the data
const {
  ERRORS,
  Variable,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isSubtype,
  isValidLeafValue,
  typenameFieldName,
} = federation;
const assert: typeof federation.assert = federation.assert;

type Input = Record<string, unknown>;
type Output = Record<string, unknown>;

interface Shaping {
  schema: Schema;
  variables: Record<string, unknown>;
  errors: GraphQLError[];
  introspectionHandling: (selection: FieldSelection) => unknown;
  /** Each selection set of the operation, prepared the first time the data reaches it. */
  prepared: WeakMap<SelectionSet, Step[]>;
}

interface FieldStep {
  kind: 'field';
  skip: boolean | Error;
  responseName: string;
  name: string;
  type: Type;
  introspection: boolean;
  selection: FieldSelection;
  selectionSet: SelectionSet | undefined;
}

interface FragmentStep {
  kind: 'fragment';
  skip: boolean | Error;
  typeCondition: CompositeType | undefined;
  selectionSet: SelectionSet;
}

type Step = FieldStep | FragmentStep;

const OK = 0;
const NULL_BUBBLE_UP = 1;
type Applied = typeof OK | typeof NULL_BUBBLE_UP;

interface Updated {
  updated: unknown;
  isInvalid?: boolean;
  hasErrors?: boolean;
}

/**
 * An object of the response. Not `Object.create(null)`, which V8 keeps as a hash table ("dictionary mode"): every
 * field set rehashes it as it grows, and JSON.stringify walks it off its fast path. Objects built by one
 * constructor share hidden classes field by field instead. Its prototype has no prototype of its own, so no
 * `__proto__` setter either: a field aliased `__proto__` is an ordinary own property, as in the stock code.
 */
class ResponseObject {}
Object.setPrototypeOf(ResponseObject.prototype, null);

const own = (input: Input, key: string): unknown =>
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

function prepare(selectionSet: SelectionSet, shaping: Shaping): Step[] {
  let steps = shaping.prepared.get(selectionSet);
  if (steps) return steps;
  steps = selectionSet.selections().map((selection): Step => {
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
  shaping.prepared.set(selectionSet, steps);
  return steps;
}

function typeConditionApplies(
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

function describeLast(path: (string | number)[], currentType: Type, parentType: CompositeType): string {
  const element = path[path.length - 1];
  assert(element !== undefined, 'Should not have been called on an empty path');
  return typeof element === 'string'
    ? `field ${String(parentType)}.${element}`
    : `array element of type ${String(currentType)} at index ${element}`;
}

function applySelectionSet(
  input: Input,
  selectionSet: SelectionSet,
  output: Output,
  shaping: Shaping,
  path: (string | number)[],
  parentType: CompositeType,
): Applied {
  for (const step of prepare(selectionSet, shaping)) {
    if (step.skip instanceof Error) throw step.skip;
    if (step.skip) continue;
    if (step.kind === 'field') {
      const { responseName } = step;
      const outputValue = output[responseName];
      if (step.introspection) {
        if (outputValue === undefined) output[responseName] = shaping.introspectionHandling(step.selection);
        continue;
      }
      let inputValue = own(input, responseName) ?? null;
      if (step.name === typenameFieldName) {
        if (outputValue === undefined) {
          if (inputValue === null && responseName !== typenameFieldName) {
            inputValue = input[typenameFieldName] ?? null;
          }
          const type =
            inputValue !== null && typeof inputValue === 'string'
              ? (shaping.schema.type(inputValue) ?? parentType)
              : parentType;
          if (!isObjectType(type)) return NULL_BUBBLE_UP;
          output[responseName] = type.name;
        }
        continue;
      }
      path.push(responseName);
      const { updated, isInvalid } = updateOutputValue(
        outputValue,
        step.type,
        inputValue,
        step.selectionSet,
        path,
        shaping,
        parentType,
      );
      output[responseName] = updated;
      path.pop();
      if (isInvalid) return NULL_BUBBLE_UP;
    } else {
      const typename = input[typenameFieldName];
      assert(
        !typename || typeof typename === 'string',
        () => `Got unexpected value for __typename: ${String(typename)}`,
      );
      if (typeConditionApplies(shaping.schema, step.typeCondition, typename as string, parentType)) {
        const applied = applySelectionSet(
          input,
          step.selectionSet,
          output,
          shaping,
          path,
          step.typeCondition ?? parentType,
        );
        if (applied === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
      }
    }
  }
  return OK;
}

function updateOutputValue(
  outputValue: unknown,
  type: Type,
  inputValue: unknown,
  selectionSet: SelectionSet | undefined,
  path: (string | number)[],
  shaping: Shaping,
  parentType: CompositeType,
): Updated {
  assert(inputValue !== undefined, 'Should not pass undefined for `inputValue` to this method');
  if (outputValue === null || (outputValue !== undefined && !selectionSet)) return { updated: outputValue };
  if (isNonNullType(type)) {
    const { updated, hasErrors } = updateOutputValue(
      outputValue,
      type.ofType,
      inputValue,
      selectionSet,
      path,
      shaping,
      parentType,
    );
    if (updated === null) {
      if (!hasErrors) {
        shaping.errors.push(
          ERRORS.INVALID_GRAPHQL.err(
            `Cannot return null for non-nullable ${describeLast(path, type.ofType, parentType)}.`,
            { path: Array.from(path) },
          ),
        );
      }
      return { updated, isInvalid: true, hasErrors: true };
    }
    return { updated };
  }
  if (inputValue === null) return { updated: null };
  if (isListType(type)) {
    assert(
      Array.isArray(inputValue),
      () => `Invalid non-list value ${String(inputValue)} returned by subgraph for list type ${String(type)}`,
    );
    assert(
      outputValue === undefined || Array.isArray(outputValue),
      () =>
        `Invalid non-list value ${String(outputValue)} returned by subgraph for list type ${String(type)}`,
    );
    const inputList = inputValue as unknown[];
    const outputList =
      outputValue === undefined
        ? (new Array(inputList.length).fill(undefined) as unknown[])
        : (outputValue as unknown[]);
    assert(
      inputList.length === outputList.length,
      () =>
        `[${String(inputList)}].length (${inputList.length}) !== [${String(outputList)}].length (${outputList.length})`,
    );
    let shouldNullify = false;
    let hasErrors = false;
    const updated = new Array<unknown>(outputList.length);
    for (let index = 0; index < outputList.length; index++) {
      path.push(index);
      const element = updateOutputValue(
        outputList[index],
        type.ofType,
        inputList[index],
        selectionSet,
        path,
        shaping,
        parentType,
      );
      path.pop();
      shouldNullify ||= !!element.isInvalid;
      hasErrors ||= !!element.hasErrors;
      updated[index] = element.updated;
    }
    return { updated: shouldNullify ? null : updated, hasErrors };
  }
  if (isCompositeType(type)) {
    assert(selectionSet, () => `Invalid empty selection set for composite type ${String(type)}`);
    assert(
      typeof inputValue === 'object',
      () =>
        `Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${String(type)}`,
    );
    assert(
      outputValue === undefined || typeof outputValue === 'object',
      () =>
        `Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${String(type)}`,
    );
    const inputTypename = (inputValue as Input)[typenameFieldName];
    assert(
      inputTypename === undefined || typeof inputTypename === 'string',
      () => `Invalid non-string value ${String(inputTypename)} for __typename at ${String(path)}`,
    );
    let objectType: CompositeType = type;
    if (inputTypename) {
      const named = shaping.schema.type(inputTypename as string);
      if (!named || !isCompositeType(named)) {
        shaping.errors.push(
          ERRORS.INVALID_GRAPHQL.err(
            `Invalid __typename found for object at ${describeLast(path, type, parentType)}.`,
            { path: Array.from(path) },
          ),
        );
        return { updated: null, hasErrors: true };
      }
      objectType = named;
    }
    const outputObject =
      outputValue === undefined ? (new ResponseObject() as Output) : (outputValue as Output);
    const applied = applySelectionSet(
      inputValue as Input,
      selectionSet,
      outputObject,
      shaping,
      path,
      objectType,
    );
    const hasErrors = applied === NULL_BUBBLE_UP;
    return { updated: hasErrors ? null : outputObject, hasErrors };
  }
  assert(
    outputValue === undefined,
    () => `Excepted output to be undefined but got ${String(type)} for type ${String(type)}`,
  );
  const valid = isValidLeafValue(shaping.schema, inputValue, type as Parameters<typeof isValidLeafValue>[2]);
  if (!valid) {
    shaping.errors.push(
      ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${describeLast(path, type, parentType)}.`, {
        path: Array.from(path),
      }),
    );
  }
  return { updated: valid ? inputValue : null, hasErrors: !valid };
}

export interface ShapingArguments {
  operation: Operation;
  variables?: Record<string, unknown>;
  input: Input | null | undefined;
  introspectionHandling: (selection: FieldSelection) => unknown;
}

/** The client's response from the merged data: `computeResponse`'s contract. */
export function computeResponse({ operation, variables, input, introspectionHandling }: ShapingArguments): {
  data: Output | null | undefined;
  errors: GraphQLError[];
} {
  if (!input) return { data: input, errors: [] };
  const shaping: Shaping = {
    schema: operation.schema(),
    variables: { __proto__: null, ...operation.collectDefaultedVariableValues(), ...variables } as Record<
      string,
      unknown
    >,
    errors: [],
    introspectionHandling,
    prepared: new WeakMap(),
  };
  const data = new ResponseObject() as Output;
  const applied = applySelectionSet(
    input,
    operation.selectionSet,
    data,
    shaping,
    [],
    operation.schema().schemaDefinition.rootType(operation.rootKind)!,
  );
  return { data: applied === NULL_BUBBLE_UP ? null : data, errors: shaping.errors };
}

/** Puts this shaping in place of @apollo/gateway's own, for every query plan this process executes. */
export function installResultShaping(): void {
  const stock = require('@apollo/gateway/dist/resultShaping') as { computeResponse: unknown };
  stock.computeResponse = computeResponse;
}
