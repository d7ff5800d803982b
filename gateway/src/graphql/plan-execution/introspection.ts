import {
  Kind,
  OperationTypeNode,
  executeSync,
  visit,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type VariableDefinitionNode,
} from 'graphql';

/** The operation's introspection field, answered by graphql-js against the API schema (as @apollo/gateway does). */
export function executeIntrospection(
  schema: GraphQLSchema,
  selection: FieldNode,
  variableDefinitions: readonly VariableDefinitionNode[] | undefined,
  variableValues: Record<string, unknown> | undefined,
): unknown {
  const used = new Set<string>();
  visit(selection, { Variable: ({ name }) => void used.add(name.value) });
  const definitions = variableDefinitions?.filter((d) => used.has(d.variable.name.value));
  if (used.size !== (definitions?.length ?? 0)) {
    throw new Error(
      `Should have found all used variables ${[...used].join(',')} in the operation's definitions`,
    );
  }
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        variableDefinitions: definitions,
        selectionSet: { kind: Kind.SELECTION_SET, selections: [selection] },
      },
    ],
  };
  const { data, errors } = executeSync({ schema, document, rootValue: {}, variableValues });
  if (errors?.length || !data) {
    throw new Error(`Introspection query for ${selection.name.value} should not have failed`);
  }
  const key = selection.alias?.value ?? selection.name.value;
  return Object.hasOwn(data, key) ? data[key] : undefined;
}
