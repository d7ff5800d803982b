import { forbidden, type Viewer } from '@link-archive/core';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationTypeNode,
  type ValidationRule,
} from 'graphql';
import { introspects } from './introspection-guard';

export interface AdmittedOperation {
  document: DocumentNode;
  kind: OperationTypeNode;
}

/**
 * The checks an operation passes before it runs anywhere but Apollo Server's own HTTP pipeline (the
 * WebSocket path): the same token limit, validation rules (depth, aliases, cost, directives) and
 * introspection rule as HTTP, so a socket is no way around them.
 */
export class OperationAdmission {
  private readonly rules: ValidationRule[];

  constructor(
    readonly schema: GraphQLSchema,
    limitRules: ValidationRule[],
    private readonly maxTokens: number,
    private readonly introspectionOpenToAll: boolean,
  ) {
    this.rules = [...specifiedRules, ...limitRules];
  }

  admit(
    query: string,
    operationName: string | null | undefined,
    viewer: Viewer | null,
  ): AdmittedOperation | GraphQLError[] {
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: this.maxTokens });
    } catch (err) {
      return [this.clean(err as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
    }
    const errors = validate(this.schema, document, this.rules);
    if (errors.length) return errors.map((e) => this.clean(e, 'GRAPHQL_VALIDATION_FAILED'));
    const operation = getOperationAST(document, operationName ?? undefined);
    if (!operation) {
      return [new GraphQLError('Unknown or ambiguous operation', { extensions: { code: 'BAD_REQUEST' } })];
    }
    if (!this.introspectionOpenToAll && viewer?.role !== 'ADMIN' && introspects(document)) {
      return [forbidden('Introspection is available to ADMIN tokens only')];
    }
    return { document, kind: operation.operation };
  }

  /** The error with its code (suggestions are stripped where every error is: the gateway's masking). */
  private clean(error: GraphQLError, code: string): GraphQLError {
    return new GraphQLError(error.message, {
      source: error.source,
      positions: error.positions,
      extensions: { ...error.extensions, code: error.extensions?.code ?? code },
    });
  }
}
