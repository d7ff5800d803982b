import { createHash } from 'node:crypto';
import type { ApolloGateway } from '@apollo/gateway';
import { operationFromDocument, type Schema } from '@apollo/federation-internals';
import type { QueryPlan, QueryPlanner } from '@apollo/query-planner';
import type { Logger } from '@link-archive/core';
import { getOperationAST, parse } from 'graphql';
import type { ListedOperation } from '../partners/trusted-documents';

/** What of a loaded @apollo/gateway plans queries and keeps their plans (not part of its typed API). */
interface PlanningInternals {
  queryPlanner?: QueryPlanner;
  apiSchema?: Schema;
  queryPlanStore?: { set(key: string, plan: QueryPlan): Promise<void> };
  recursiveSelectionsLimitDisabled?: boolean;
  nonLocalSelectionsLimitDisabled?: boolean;
}

const sha256 = (...parts: string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
};

/**
 * Plans the persisted-query manifest's queries and mutations before the first request, into the gateway's own
 * plan cache under the keys it looks them up by (the text's sha256, and with the operation name when a request
 * sends one), so that the first client of each pays no planning. Operations the supergraph cannot plan (another
 * supergraph's manifest) are skipped. Returns how many were planned.
 */
export async function warmQueryPlans(
  gateway: ApolloGateway,
  operations: Iterable<ListedOperation>,
  logger: Logger,
): Promise<number> {
  const internals = gateway as unknown as PlanningInternals;
  const { queryPlanner, apiSchema, queryPlanStore } = internals;
  if (!queryPlanner || !apiSchema || !queryPlanStore) {
    logger.warn('query plans not warmed: this @apollo/gateway does not expose its planner and plan cache');
    return 0;
  }
  let planned = 0;
  for (const { name, body } of operations) {
    try {
      const document = parse(body);
      const kind = getOperationAST(document, name)?.operation;
      if (kind !== 'query' && kind !== 'mutation') continue;
      const plan = queryPlanner.buildQueryPlan(
        operationFromDocument(apiSchema, document, { operationName: name }),
        {
          recursiveSelectionsLimitDisabled: internals.recursiveSelectionsLimitDisabled,
          nonLocalSelectionsLimitDisabled: internals.nonLocalSelectionsLimitDisabled,
        },
      );
      const queryHash = sha256(body);
      await queryPlanStore.set(queryHash, plan);
      await queryPlanStore.set(sha256(queryHash, name), plan);
      planned++;
    } catch (err) {
      logger.debug({ err, operation: name }, 'query plan not warmed');
    }
  }
  return planned;
}
