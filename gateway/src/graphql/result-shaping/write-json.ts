import type { CompositeType, NamedType, Schema, SelectionSet, Type } from '@apollo/federation-internals';
import { applySelectionSet, ResponseObject } from './shape-objects';
import {
  NULL_BUBBLE_UP,
  OK,
  assert,
  checkedTypename,
  baseType,
  invalidLeaf,
  invalidTypename,
  isCompositeType,
  isCustomScalarType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  nullForNonNull,
  own,
  prepare,
  typeConditionApplies,
  typenameFieldName,
  type Applied,
  type FieldStep,
  type Input,
  type Shaping,
  type Step,
} from './selection-steps';

/**
 * The merged subgraph data written straight to the response's JSON text, in one walk: no shaped copy of the
 * data for JSON.stringify to walk again. Same text and errors as shaping objects (`shape-objects.ts`) and then
 * stringifying them. A selection set is flattened once per runtime type into the fields the object shaping
 * visits, in its order; where the fields of one object merge (a response name repeated with a selection set of
 * its own), that object is shaped as objects and stringified. A null that must propagate rewinds the text to
 * where its nullable parent began.
 */

/** A selection set's fields for one runtime type, in the order the object shaping visits them. */
export interface Plan {
  /** A response name repeats with a selection set: its values merge, which only the object shaping does. */
  merges: boolean;
  entries: Entry[];
}

/** A field of a plan, and what the values written for it look up, kept for the next value (lists repeat them). */
interface FieldEntry {
  kind: 'field';
  step: FieldStep;
  key: string;
  parentType: CompositeType;
  /** For a leaf field: whether a value is valid for its type (isValidLeafValue, its type's lookups done once). */
  valid?: (value: unknown) => boolean;
  /** The last object's __typename, its type, and the plan of the field's selection set for that type. */
  lastTypename?: string;
  lastType?: CompositeType;
  lastPlan?: Plan;
}

type Entry =
  | FieldEntry
  /** @skip/@include whose variable is missing: the object shaping throws when it reaches it. */
  | { kind: 'throw'; error: Error };

interface Writer {
  text: string;
  shaping: Shaping;
}

// what writing a value reports to its parent
const NULLED = 1;
const HAS_ERRORS = 2;
const INVALID = 4;

function flatten(
  steps: Step[],
  parentType: CompositeType,
  typename: string,
  shaping: Shaping,
  plan: Plan,
  seen: Set<string>,
): boolean {
  for (const step of steps) {
    if (step.skip instanceof Error) {
      plan.entries.push({ kind: 'throw', error: step.skip });
      return false; // nothing after a throw runs
    }
    if (step.skip) continue;
    if (step.kind === 'fragment') {
      if (
        typeConditionApplies(shaping.schema, step.typeCondition, typename, parentType) &&
        !flatten(
          prepare(step.selectionSet, shaping).steps,
          step.typeCondition ?? parentType,
          typename,
          shaping,
          plan,
          seen,
        )
      ) {
        return false;
      }
      continue;
    }
    if (seen.has(step.responseName)) {
      // a repeated leaf, __typename or introspection field keeps its first value: only selection sets merge
      if (step.selectionSet && !step.introspection) plan.merges = true;
      continue;
    }
    seen.add(step.responseName);
    const entry: FieldEntry = {
      kind: 'field',
      step,
      key: `${JSON.stringify(step.responseName)}:`,
      parentType,
    };
    const base = baseType(step.type);
    if (!isCompositeType(base)) entry.valid = leafValidator(shaping.schema, base);
    plan.entries.push(entry);
  }
  return true;
}

const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/** Each leaf type's validator, made once: the supergraph's types outlive every request. */
const leafValidators = new WeakMap<NamedType, (value: unknown) => boolean>();

/** isValidLeafValue (federation-internals) for one type, with its lookups of the built-in types done once. */
function leafValidator(schema: Schema, type: NamedType): (value: unknown) => boolean {
  let valid = leafValidators.get(type);
  if (!valid) leafValidators.set(type, (valid = makeLeafValidator(schema, type)));
  return valid;
}

function makeLeafValidator(schema: Schema, type: NamedType): (value: unknown) => boolean {
  if (isCustomScalarType(type)) return () => true;
  const isBoolean = type === schema.booleanType();
  const isFloat = type === schema.floatType();
  const isIntegral = type === schema.intType() || type === schema.idType();
  const stringValid = !isBoolean && type !== schema.intType() && !isFloat;
  const enumType = isEnumType(type) ? type : undefined;
  return (value) => {
    switch (typeof value) {
      case 'boolean':
        return isBoolean;
      case 'number':
        if (!Number.isFinite(value)) return false;
        return isIntegral ? INTEGER.test(String(value)) : isFloat;
      case 'string':
        return enumType ? enumType.value(value) !== undefined : stringValid;
      default:
        return false;
    }
  };
}

function planFor(
  selectionSet: SelectionSet,
  parentType: CompositeType,
  typename: string,
  shaping: Shaping,
): Plan {
  const prepared = prepare(selectionSet, shaping);
  prepared.plans ??= new Map();
  let byTypename = prepared.plans.get(parentType);
  if (!byTypename) prepared.plans.set(parentType, (byTypename = new Map()));
  let plan = byTypename.get(typename);
  if (!plan) {
    plan = { merges: false, entries: [] };
    flatten(prepared.steps, parentType, typename, shaping, plan, new Set());
    byTypename.set(typename, plan);
  }
  return plan;
}

/** What JSON.stringify escapes in a string: quotes, backslashes, control characters and lone surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const NEEDS_ESCAPING = /["\\\u0000-\u001f\ud800-\udfff]/;

function leafJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      // most strings need no escaping: quoting them is faster than the call into JSON.stringify
      return NEEDS_ESCAPING.test(value) ? JSON.stringify(value) : `"${value}"`;
    case 'number':
      return Number.isFinite(value) ? `${value}` : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return JSON.stringify(value);
  }
}

/** The object shaping of one object, stringified: for objects whose fields merge, or with a strange __typename. */
function writeShapedObject(
  writer: Writer,
  input: Input,
  selectionSet: SelectionSet,
  parentType: CompositeType,
  path: (string | number)[],
): Applied {
  const output = new ResponseObject() as Record<string, unknown>;
  if (applySelectionSet(input, selectionSet, output, writer.shaping, path, parentType) === NULL_BUBBLE_UP) {
    return NULL_BUBBLE_UP;
  }
  writer.text += JSON.stringify(output);
  return OK;
}

/** Writes `{…}` for the object, or nothing and NULL_BUBBLE_UP when a non-null field of it is null. */
export function writeObject(
  writer: Writer,
  input: Input,
  selectionSet: SelectionSet,
  parentType: CompositeType,
  path: (string | number)[],
  site?: FieldEntry,
): Applied {
  const typename = input[typenameFieldName];
  if (typename && typeof typename !== 'string') {
    return writeShapedObject(writer, input, selectionSet, parentType, path);
  }
  let plan: Plan;
  if (site && site.lastPlan && site.lastType === parentType && site.lastTypename === typename) {
    plan = site.lastPlan;
  } else {
    plan = planFor(selectionSet, parentType, (typename as string) || '', writer.shaping);
    if (site) {
      site.lastPlan = plan;
      site.lastType = parentType;
      site.lastTypename = typename as string | undefined;
    }
  }
  if (plan.merges) return writeShapedObject(writer, input, selectionSet, parentType, path);
  const { shaping } = writer;
  const mark = writer.text.length;
  writer.text += '{';
  let separator = '';
  for (const entry of plan.entries) {
    if (entry.kind === 'throw') throw entry.error;
    const { step } = entry;
    if (step.introspection) {
      const json = JSON.stringify(shaping.introspectionHandling(step.selection)) as string | undefined;
      if (json !== undefined) {
        writer.text += separator + entry.key + json;
        separator = ',';
      }
      continue;
    }
    let inputValue = own(input, step.responseName) ?? null;
    if (step.name === typenameFieldName) {
      if (inputValue === null && step.responseName !== typenameFieldName) {
        inputValue = input[typenameFieldName] ?? null;
      }
      const type =
        inputValue !== null && typeof inputValue === 'string'
          ? (shaping.schema.type(inputValue) ?? entry.parentType)
          : entry.parentType;
      if (!isObjectType(type)) {
        writer.text = writer.text.slice(0, mark);
        return NULL_BUBBLE_UP;
      }
      writer.text += `${separator}${entry.key}${JSON.stringify(type.name)}`;
      separator = ',';
      continue;
    }
    writer.text += separator + entry.key;
    separator = ',';
    path.push(step.responseName);
    const written = writeValue(writer, step.type, inputValue, entry, path, entry.parentType);
    path.pop();
    if (written & INVALID) {
      writer.text = writer.text.slice(0, mark);
      return NULL_BUBBLE_UP;
    }
  }
  writer.text += '}';
  return OK;
}

function writeValue(
  writer: Writer,
  type: Type,
  inputValue: unknown,
  entry: FieldEntry,
  path: (string | number)[],
  parentType: CompositeType,
): number {
  assert(inputValue !== undefined, 'Should not pass undefined for `inputValue` to this method');
  if (isNonNullType(type)) {
    const written = writeValue(writer, type.ofType, inputValue, entry, path, parentType);
    if (!(written & NULLED)) return 0;
    if (!(written & HAS_ERRORS)) writer.shaping.errors.push(nullForNonNull(path, type.ofType, parentType));
    return NULLED | HAS_ERRORS | INVALID;
  }
  if (inputValue === null) {
    writer.text += 'null';
    return NULLED;
  }
  if (isListType(type)) {
    assert(
      Array.isArray(inputValue),
      () => `Invalid non-list value ${String(inputValue)} returned by subgraph for list type ${String(type)}`,
    );
    const list = inputValue as unknown[];
    const mark = writer.text.length;
    writer.text += '[';
    let nullify = false;
    let hasErrors = false;
    for (let index = 0; index < list.length; index++) {
      if (index > 0) writer.text += ',';
      path.push(index);
      const written = writeValue(writer, type.ofType, list[index], entry, path, parentType);
      path.pop();
      if (written & INVALID) nullify = true;
      if (written & HAS_ERRORS) hasErrors = true;
    }
    if (nullify) {
      writer.text = `${writer.text.slice(0, mark)}null`;
      return NULLED | (hasErrors ? HAS_ERRORS : 0);
    }
    writer.text += ']';
    return hasErrors ? HAS_ERRORS : 0;
  }
  if (isCompositeType(type)) {
    const { selectionSet } = entry.step;
    const inputTypename = checkedTypename(selectionSet, inputValue, type, path);
    let objectType: CompositeType = type;
    if (inputTypename) {
      const named =
        entry.lastTypename === inputTypename ? entry.lastType : writer.shaping.schema.type(inputTypename);
      if (!named || !isCompositeType(named)) {
        writer.shaping.errors.push(invalidTypename(path, type, parentType));
        writer.text += 'null';
        return NULLED | HAS_ERRORS;
      }
      objectType = named;
    }
    if (writeObject(writer, inputValue as Input, selectionSet!, objectType, path, entry) === OK) return 0;
    writer.text += 'null';
    return NULLED | HAS_ERRORS;
  }
  if (!entry.valid!(inputValue)) {
    writer.shaping.errors.push(invalidLeaf(path, type, parentType));
    writer.text += 'null';
    return NULLED | HAS_ERRORS;
  }
  writer.text += leafJson(inputValue);
  return 0;
}

/** The data as JSON text, or null when a non-null root field is null. */
export function writeData(
  input: Input,
  selectionSet: SelectionSet,
  rootType: CompositeType,
  shaping: Shaping,
): string | null {
  const writer: Writer = { text: '', shaping };
  if (writeObject(writer, input, selectionSet, rootType, []) === NULL_BUBBLE_UP) return null;
  // flattened now (charCodeAt does), so the thousands of pieces it was joined from are garbage before the
  // response waits its turn to be sent, instead of surviving a young-generation collection or two
  writer.text.charCodeAt(0);
  return writer.text;
}
