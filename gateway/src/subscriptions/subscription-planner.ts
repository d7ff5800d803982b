import { buildOperationContext, type ServiceMap } from '@apollo/gateway';
import { Supergraph, operationFromDocument, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode } from '@apollo/query-planner';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';

type OperationContext = ReturnType<typeof buildOperationContext>;

/** A subscription as the query planner splits it: one upstream subscription, then entity fetches per event. */
export interface PlannedSubscription {
  /** The fetch that subscribes to the subgraph owning the root field. */
  primary: FetchNode;
  /** Entity fetches to other subgraphs that complete each event; absent when the owner provides everything. */
  rest: PlanNode | undefined;
  operationContext: OperationContext;
}

/**
 * Plans subscription operations against the same supergraph the gateway serves. Stock @apollo/gateway
 * refuses to execute a `Subscription` plan node; its two halves are what this layer runs (see executor).
 */
export class SubscriptionPlanner {
  readonly apiSchema: Schema;
  /** The client-facing schema operations are validated against. */
  readonly schema: GraphQLSchema;
  readonly supergraphSchema: GraphQLSchema;
  private readonly planner: QueryPlanner;
  private readonly plans = new LRUCache<string, PlannedSubscription>({ max: 1_000 });

  constructor(supergraphSdl: string) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.apiSchema = supergraph.apiSchema();
    this.schema = this.apiSchema.toGraphQLJSSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
  }

  /** Plans a validated subscription document; `cacheKey` is the document's text and operation name. */
  plan(document: DocumentNode, operationName: string | undefined, cacheKey: string): PlannedSubscription {
    const cached = this.plans.get(cacheKey);
    if (cached) return cached;
    const operationContext = buildOperationContext({
      schema: this.schema,
      operationDocument: document,
      operationName,
    });
    const plan = this.planner.buildQueryPlan(
      operationFromDocument(this.apiSchema, document, { operationName }),
    );
    if (plan.node?.kind !== 'Subscription') throw new Error('not a subscription operation');
    const planned = { primary: plan.node.primary, rest: plan.node.rest, operationContext };
    this.plans.set(cacheKey, planned);
    return planned;
  }
}

export type { ServiceMap, OperationContext };
