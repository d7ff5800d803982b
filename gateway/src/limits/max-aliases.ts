import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/**
 * At most `max` aliased fields per operation, `__typename` included (graphql-armor's rule skips it, so 500
 * aliases of `__typename` passed), counting a fragment's aliases each time it is spread.
 */
export function maxAliasesRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragmentCounts = new Map<string, number>();
    const countFragment = (name: string, seen: Set<string>): number => {
      const known = fragmentCounts.get(name);
      if (known !== undefined) return known;
      const fragment: FragmentDefinitionNode | null | undefined = context.getFragment(name);
      if (!fragment || seen.has(name)) return 0; // unknown or cyclic: other rules report it
      const count = countSelections(fragment.selectionSet, new Set([...seen, name]));
      fragmentCounts.set(name, count);
      return count;
    };
    const countSelections = (set: SelectionSetNode, seen: Set<string>): number => {
      let count = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.alias) count++;
          if (selection.selectionSet) count += countSelections(selection.selectionSet, seen);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          count += countSelections(selection.selectionSet, seen);
        } else {
          count += countFragment(selection.name.value, seen);
        }
      }
      return count;
    };
    return {
      OperationDefinition(node) {
        const count = countSelections(node.selectionSet, new Set());
        if (count > max) {
          context.reportError(
            new GraphQLError(`Aliases limit of ${max} exceeded, found ${count}.`, {
              nodes: [node],
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            }),
          );
        }
      },
    };
  };
}
