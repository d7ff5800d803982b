import type { ApolloGateway } from '@apollo/gateway';
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
}

/** The variables of requests whose data is written as text: those Apollo Server answers over HTTP. */
const writtenAsText = new WeakSet<object>();

/** A copy of the variables that marks its request's data to be written as text; nothing else holds the copy. */
export function markWrittenAsText(variables: Record<string, unknown> | undefined): Record<string, unknown> {
  const marked = { ...variables };
  writtenAsText.add(marked);
  return marked;
}

/**
 * The client's response from the merged data: `computeResponse`'s contract. Requests over HTTP get their data
 * as JSON text (`ShapedText`, spliced into the body by `stringifyResult`); the rest (WebSocket operations,
 * subscription events, whose data is read as objects) get objects.
 */
export function computeResponse({ operation, variables, input, introspectionHandling }: ShapingArguments): {
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
  if (variables && writtenAsText.has(variables)) {
    const text = writeData(input, operation.selectionSet, rootType, shaping);
    return { data: text === null ? null : new ShapedText(text), errors: shaping.errors };
  }
  const data = new ResponseObject() as Output;
  const applied = applySelectionSet(input, operation.selectionSet, data, shaping, [], rootType);
  return { data: applied === NULL_BUBBLE_UP ? null : data, errors: shaping.errors };
}

/**
 * Puts this shaping in place of @apollo/gateway's own, for every query plan this process executes, and has the
 * gateway's HTTP requests (those with `http`, which only Apollo Server's HTTP path sets) shaped to text.
 */
export function installResultShaping(gateway: ApolloGateway): void {
  const stock = require('@apollo/gateway/dist/resultShaping') as { computeResponse: unknown };
  stock.computeResponse = computeResponse;
  const execute = gateway.executor;
  gateway.executor = (requestContext) => {
    if (requestContext.request.http) {
      requestContext.request.variables = markWrittenAsText(requestContext.request.variables);
    }
    return execute(requestContext);
  };
}
