import type { GraphQLDataSource, ServiceMap } from '@apollo/gateway';
import type { QueryPlan } from '@apollo/query-planner';
import type { ExecutionResult, FormattedExecutionResult } from 'graphql';
import type { GatewayContext } from '../graphql/context';
import { executeQueryPlan } from '../graphql/plan-execution/execute-query-plan';
import type { PlannedSubscription, SubscriptionPlanner } from './subscription-planner';

/** The name under which an event's own data enters the plan; no subgraph can be called this. */
const EVENT_SOURCE = '__subscription_event__';

/**
 * Completes one upstream event into the client's payload: the event becomes the result of the plan's primary
 * fetch (served from memory by a data source that answers with it), the rest of the plan runs as for any
 * query (entity fetches, rewrites, error paths), and the result is shaped to the client's selection.
 */
export async function completeEvent(
  planner: SubscriptionPlanner,
  services: ServiceMap,
  planned: PlannedSubscription,
  event: FormattedExecutionResult,
  request: { variables: Record<string, unknown>; context: GatewayContext },
): Promise<ExecutionResult> {
  const seed: GraphQLDataSource = {
    process: async () => ({ data: event.data ?? null, errors: event.errors as never }),
  };
  const seedFetch = { ...planned.primary, serviceName: EVENT_SOURCE };
  const plan: QueryPlan = {
    kind: 'QueryPlan',
    node: planned.rest ? { kind: 'Sequence', nodes: [seedFetch, planned.rest] } : seedFetch,
  };
  const requestContext = {
    request: { variables: request.variables },
    context: request.context,
    metrics: {},
    logger: undefined,
  } as unknown as Parameters<typeof executeQueryPlan>[2];
  return executeQueryPlan(
    plan,
    { ...services, [EVENT_SOURCE]: seed },
    requestContext,
    planned.operationContext,
    planner.supergraphSchema,
    planner.apiSchema,
  );
}
