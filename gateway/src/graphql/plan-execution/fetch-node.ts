import { applyRewrites } from '@apollo/gateway/dist/dataRewrites';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import type { ServiceMap } from '@apollo/gateway/dist/executeQueryPlan';
import {
  OpenTelemetrySpanNames,
  recordExceptions,
  tracer,
  type OpenTelemetryConfig,
} from '@apollo/gateway/dist/utilities/opentelemetry';
import type { FetchNode } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { SpanStatusCode } from '@opentelemetry/api';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import { downstreamErrors, type Cursor } from './fetch-errors';
import { mergeData } from './merge-data';
import { Representations } from './representations';
import { SentRepresentations } from './sent-representations';

type Data = Record<string, unknown>;

/** What every fetch of one request reads, and where its errors go. */
export interface PlanExecution {
  requestContext: GatewayGraphQLRequestContext;
  serviceMap: ServiceMap;
  supergraphSchema: GraphQLSchema;
  errors: GraphQLError[];
  telemetryConfig?: OpenTelemetryConfig;
}

/** The request's variables that the fetch's operation uses. */
function fetchVariables(fetch: FetchNode, provided: Record<string, unknown> | undefined): Data {
  const variables: Data = Object.create(null) as Data;
  if (!fetch.variableUsages || !provided) return variables;
  for (const name of fetch.variableUsages) {
    if (Object.hasOwn(provided, name) && provided[name] !== undefined) {
      variables[name] = provided[name];
    }
  }
  return variables;
}

async function send(
  execution: PlanExecution,
  fetch: FetchNode,
  cursor: Cursor,
  variables: Data,
  sent?: SentRepresentations,
): Promise<Data | null | undefined> {
  const { requestContext } = execution;
  const response = await execution.serviceMap[fetch.serviceName]!.process({
    kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
    request: { query: fetch.operation, variables, operationName: fetch.operationName },
    incomingRequestContext: requestContext,
    context: requestContext.context,
    document: fetch.operationDocumentNode,
    pathInIncomingRequest: cursor.path,
  });
  if (response.errors) {
    const errors = sent ? sent.errorsPerEntity(response.errors) : response.errors;
    execution.errors.push(...downstreamErrors(errors, fetch, cursor));
    if (!response.extensions?.ftv1) {
      const paths = response.errors.map((error) => ({ subgraph: fetch.serviceName, path: error.path }));
      const { metrics } = requestContext;
      if (metrics.nonFtv1ErrorPaths) metrics.nonFtv1ErrorPaths.push(...paths);
      else metrics.nonFtv1ErrorPaths = paths;
    }
  }
  return response.data as Data | null | undefined;
}

/**
 * One Fetch node of the plan: a root fetch merged into the data at the cursor, or an entity fetch that sends
 * the cursor's entities' representations and merges each answer into its entity. The same checks, errors and
 * merged data as @apollo/gateway's executeFetch (its usage-reporting traces are left to it); an entity fetch
 * sends each distinct representation once.
 */
export function executeFetch(execution: PlanExecution, fetch: FetchNode, cursor: Cursor): Promise<void> {
  return tracer.startActiveSpan(
    OpenTelemetrySpanNames.FETCH,
    { attributes: { service: fetch.serviceName } },
    async (span) => {
      try {
        if (!execution.serviceMap[fetch.serviceName]) {
          throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
        }
        const entities = (
          Array.isArray(cursor.data)
            ? cursor.data.filter((e) => e !== null && e !== undefined)
            : [cursor.data]
        ) as Data[];
        if (entities.length < 1) return;
        const variables = fetchVariables(fetch, execution.requestContext.request.variables);
        const schema = execution.supergraphSchema;
        if (!fetch.requires) {
          const data = await send(execution, fetch, cursor, variables);
          if (data) applyRewrites(schema, fetch.outputRewrites, data);
          for (const entity of entities) mergeData(entity, data);
          return;
        }
        const sent = new SentRepresentations();
        const representations = new Representations(schema);
        for (let i = 0; i < entities.length; i++) {
          const represented = representations.of(entities[i], fetch.requires);
          if (represented && represented.__typename) {
            applyRewrites(schema, fetch.inputRewrites, represented);
            sent.add(represented, representations.key, i);
          }
        }
        if (sent.count < 1) return;
        if ('representations' in variables) throw new Error(`Variables cannot contain key "representations"`);
        const data = await send(
          execution,
          fetch,
          cursor,
          { ...variables, representations: sent.unique },
          sent,
        );
        if (!data) return;
        const received = data._entities;
        if (!Array.isArray(received)) throw new Error(`Expected "data._entities" in response to be an array`);
        // the count @apollo/gateway would have sent, as its message gives it
        if (received.length !== sent.unique.length) {
          throw new Error(`Expected "data._entities" to contain ${sent.count} elements`);
        }
        for (let u = 0; u < received.length; u++) {
          const answer = received[u] as Data | null;
          if (answer && !answer.__typename) answer.__typename = entities[sent.firstEntity(u)]!.__typename;
          applyRewrites(schema, fetch.outputRewrites, answer as Data);
        }
        for (let r = 0; r < sent.count; r++) {
          mergeData(entities[sent.entityOf[r]!]!, received[sent.sentAs[r]!] as Data | null);
        }
      } catch (err) {
        recordExceptions(span, [err as Error], execution.telemetryConfig);
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw err;
      } finally {
        span.end();
      }
    },
  );
}
