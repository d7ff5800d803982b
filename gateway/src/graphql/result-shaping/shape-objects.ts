import type { CompositeType, SelectionSet, Type } from '@apollo/federation-internals';
import {
  NULL_BUBBLE_UP,
  OK,
  assert,
  checkedTypename,
  invalidLeaf,
  invalidTypename,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isValidLeafValue,
  nullForNonNull,
  own,
  prepare,
  typeConditionApplies,
  typenameFieldName,
  type Applied,
  type Input,
  type Output,
  type Shaping,
} from './selection-steps';

/**
 * The merged subgraph data shaped to the client's selection as objects: @apollo/gateway's `computeResponse`
 * algorithm (its resultShaping module), with each selection set read once per request instead of once per object
 * of the data (the stock code re-reads directives and definitions, through getters, for every object of every
 * list). Subscriptions' payloads take this path; HTTP responses are written as text (`write-json.ts`), which
 * falls back to this for the objects whose selections merge.
 */

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
export class ResponseObject {}
Object.setPrototypeOf(ResponseObject.prototype, null);

export function applySelectionSet(
  input: Input,
  selectionSet: SelectionSet,
  output: Output,
  shaping: Shaping,
  path: (string | number)[],
  parentType: CompositeType,
): Applied {
  for (const step of prepare(selectionSet, shaping).steps) {
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
        shaping.errors.push(nullForNonNull(path, type.ofType, parentType));
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
    const inputTypename = checkedTypename(selectionSet, inputValue, type, path);
    assert(
      outputValue === undefined || typeof outputValue === 'object',
      () =>
        `Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${String(type)}`,
    );
    let objectType: CompositeType = type;
    if (inputTypename) {
      const named = shaping.schema.type(inputTypename);
      if (!named || !isCompositeType(named)) {
        shaping.errors.push(invalidTypename(path, type, parentType));
        return { updated: null, hasErrors: true };
      }
      objectType = named;
    }
    const outputObject =
      outputValue === undefined ? (new ResponseObject() as Output) : (outputValue as Output);
    const applied = applySelectionSet(
      inputValue as Input,
      selectionSet!,
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
    shaping.errors.push(invalidLeaf(path, type, parentType));
  }
  return { updated: valid ? inputValue : null, hasErrors: !valid };
}
