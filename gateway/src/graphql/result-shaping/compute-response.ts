import type { FieldSelection, Operation } from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';
import { ResponseObject, applySelectionSet } from './shape-objects';
import { NULL_BUBBLE_UP, startShaping, type Input, type Output } from './selection-steps';
import { ShapedText } from './shaped-text';
import { writeData } from './write-json';

export interface ShapingArguments {
  operation: Operation;
  variables?: Record<string, unknown>;
  input: Input | null | undefined;
  introspectionHandling: (selection: FieldSelection) => unknown;
  /** Write the data as JSON text (a response Apollo Server sends over HTTP), not as objects. */
  asText?: boolean;
}

/**
 * The client's response from the merged data: @apollo/gateway's `computeResponse`, the same answers. Requests
 * over HTTP get their data as JSON text (`ShapedText`, spliced into the body by `stringifyResult`); the rest
 * (WebSocket operations, subscription events, whose data is read as objects) get objects.
 */
export function computeResponse({
  operation,
  variables,
  input,
  introspectionHandling,
  asText,
}: ShapingArguments): {
  data: Output | ShapedText | null | undefined;
  errors: GraphQLError[];
} {
  if (!input) return { data: input, errors: [] };
  const schema = operation.schema();
  const shaping = startShaping(
    schema,
    operation.collectDefaultedVariableValues(),
    variables,
    introspectionHandling,
  );
  const rootType = schema.schemaDefinition.rootType(operation.rootKind)!;
  if (asText) {
    const text = writeData(input, operation.selectionSet, rootType, shaping);
    return { data: text === null ? null : new ShapedText(text), errors: shaping.errors };
  }
  const data = new ResponseObject() as Output;
  const applied = applySelectionSet(input, operation.selectionSet, data, shaping, [], rootType);
  return { data: applied === NULL_BUBBLE_UP ? null : data, errors: shaping.errors };
}
