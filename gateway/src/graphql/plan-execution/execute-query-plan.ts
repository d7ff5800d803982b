import type { ApolloGateway } from '@apollo/gateway';
import * as stock from '@apollo/gateway/dist/executeQueryPlan';
import type { OperationContext } from '@apollo/gateway/dist/operationContext';
import {
  OpenTelemetrySpanNames,
  recordExceptions,
  tracer,
  type OpenTelemetryConfig,
} from '@apollo/gateway/dist/utilities/opentelemetry';
import { operationFromDocument, type Operation, type Schema } from '@apollo/federation-internals';
import { evaluateCondition, type PlanNode, type QueryPlan } from '@apollo/query-planner';
import type { GatewayExecutionResult, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { SpanStatusCode } from '@opentelemetry/api';
import { GraphQLError, Kind, type GraphQLSchema } from 'graphql';
import { computeResponse } from '../result-shaping/compute-response';
import type { Cursor } from './fetch-errors';
import { executeFetch, type PlanExecution } from './fetch-node';
import { executeIntrospection } from './introspection';
import { valuesAtPath } from './response-paths';

type ServiceMap = stock.ServiceMap;

interface RequestExecution extends PlanExecution {
  operation: Operation;
}

async function executeNode(execution: RequestExecution, node: PlanNode, cursor: Cursor): Promise<void> {
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executeNode(execution, child, cursor);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => executeNode(execution, child, cursor)));
      return;
    case 'Flatten': {
      const data = valuesAtPath(cursor.data, node.path);
      if (!data) return;
      await executeNode(execution, node.node, {
        path: cursor.path.concat(node.path),
        data,
        fullResult: cursor.fullResult,
      });
      return;
    }
    case 'Fetch':
      try {
        await executeFetch(execution, node, cursor);
      } catch (error) {
        execution.errors.push(error as GraphQLError);
      }
      return;
    case 'Condition': {
      const { variableDefinitions } = execution.operation;
      const variables = execution.requestContext.request.variables;
      const branch = evaluateCondition(node, variableDefinitions, variables)
        ? node.ifClause
        : node.elseClause;
      if (branch) await executeNode(execution, branch, cursor);
      return;
    }
    case 'Defer':
      throw new Error('@defer support is not available in the gateway');
  }
}

/** Whether this executor runs the plan: anything else (@defer, subscriptions) keeps the stock one's answer. */
const handled = new WeakMap<QueryPlan, boolean>();
function handles(plan: QueryPlan): boolean {
  let known = handled.get(plan);
  if (known === undefined) {
    const supported = (node: PlanNode | undefined): boolean =>
      !node ||
      (node.kind === 'Sequence' || node.kind === 'Parallel'
        ? node.nodes.every(supported)
        : node.kind === 'Flatten'
          ? supported(node.node)
          : node.kind === 'Condition'
            ? supported(node.ifClause) && supported(node.elseClause)
            : node.kind === 'Fetch');
    known = plan.node?.kind !== 'Subscription' && supported(plan.node as PlanNode | undefined);
    handled.set(plan, known);
  }
  return known;
}

/** The federation Operation of a parsed operation, once per document (Apollo Server keeps parsed documents). */
const operations = new WeakMap<object, { schema: Schema; operation: Operation }>();
function operationOf(apiSchema: Schema, context: OperationContext): Operation {
  const known = operations.get(context.operation);
  if (known && known.schema === apiSchema) return known.operation;
  const operation = operationFromDocument(
    apiSchema,
    { kind: Kind.DOCUMENT, definitions: [context.operation, ...Object.values(context.fragments)] },
    { validate: false },
  );
  operations.set(context.operation, { schema: apiSchema, operation });
  return operation;
}

function asGraphQLError(error: unknown, logger: { error(message: string): void }): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof Error) return new GraphQLError(error.message, { originalError: error });
  logger.error(`Unexpected error during query plan execution: ${String(error)}`);
  return new GraphQLError('Unexpected error during query plan execution');
}

/**
 * @apollo/gateway's executeQueryPlan, with the same answers: the plan's fetches run in its order, their data
 * merged, then shaped into the client's response (`computeResponse`). Faster where the profile of a nested
 * federated query pointed: entity lists found along a plan path in one walk, representations built as ordinary
 * objects, merging without a call per key, no usage-reporting trace objects built for nobody, and the federation
 * Operation built once per parsed document instead of per request. Requests whose traces are captured, and
 * plans with @defer or subscriptions, go to the stock executor.
 */
export async function executeQueryPlan(
  queryPlan: QueryPlan,
  serviceMap: ServiceMap,
  requestContext: GatewayGraphQLRequestContext,
  operationContext: OperationContext,
  supergraphSchema: GraphQLSchema,
  apiSchema: Schema,
  telemetryConfig?: OpenTelemetryConfig,
): Promise<GatewayExecutionResult> {
  if (requestContext.metrics?.captureTraces || !handles(queryPlan)) {
    return stockExecuteQueryPlan(
      queryPlan,
      serviceMap,
      requestContext,
      operationContext,
      supergraphSchema,
      apiSchema,
      telemetryConfig,
    );
  }
  const logger = requestContext.logger ?? console;
  return tracer.startActiveSpan(OpenTelemetrySpanNames.EXECUTE, async (span) => {
    try {
      let operation: Operation;
      try {
        operation = operationOf(apiSchema, operationContext);
      } catch (err) {
        if (err instanceof GraphQLError) return { errors: [err] };
        throw err;
      }
      const execution: RequestExecution = {
        operation,
        requestContext,
        serviceMap,
        supergraphSchema,
        errors: [],
        telemetryConfig,
      };
      const data = Object.create(null) as Record<string, unknown>;
      if (queryPlan.node) {
        await executeNode(execution, queryPlan.node as PlanNode, { path: [], data, fullResult: data });
      }
      const result = shape(execution, operationContext, data, logger);
      if (result.errors) {
        recordExceptions(span, result.errors, telemetryConfig);
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      return result;
    } catch (err) {
      recordExceptions(span, [err as Error], telemetryConfig);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    } finally {
      span.end();
    }
  });
}

function shape(
  execution: RequestExecution,
  operationContext: OperationContext,
  data: Record<string, unknown>,
  logger: { error(message: string): void },
): GatewayExecutionResult {
  const { errors, operation, requestContext, telemetryConfig } = execution;
  return tracer.startActiveSpan(OpenTelemetrySpanNames.POST_PROCESSING, (span) => {
    try {
      const variables = requestContext.request.variables;
      const shaped = computeResponse({
        operation,
        variables,
        input: data,
        // only Apollo Server's HTTP path sets `http`: its responses are sent as text
        asText: requestContext.request.http !== undefined,
        introspectionHandling: (field) =>
          executeIntrospection(
            operationContext.schema,
            field.expandFragments().toSelectionNode(),
            operationContext.operation.variableDefinitions,
            variables,
          ),
      });
      if (errors.length === 0 && shaped.errors.length > 0) {
        recordExceptions(span, shaped.errors, telemetryConfig);
        span.setStatus({ code: SpanStatusCode.ERROR });
        return { extensions: { valueCompletion: shaped.errors }, data: shaped.data };
      }
      return errors.length === 0 ? { data: shaped.data } : { errors, data: shaped.data };
    } catch (error) {
      recordExceptions(span, [error as Error], telemetryConfig);
      span.setStatus({ code: SpanStatusCode.ERROR });
      return { errors: [asGraphQLError(error, logger)] };
    } finally {
      span.end();
    }
  }) as GatewayExecutionResult;
}

const stockExecuteQueryPlan = stock.executeQueryPlan;

/** The requests of the gateways this executor was installed on. */
const ownRequests = new WeakSet<object>();
let dispatching = false;

/**
 * Has this gateway's query plans executed here. @apollo/gateway calls its executor through its module's
 * exports, so that export is replaced, once, by one that picks this executor for the requests of the gateways
 * it was installed on and leaves any other gateway in the process (a stock one in a test) with the stock one.
 */
export function installPlanExecution(gateway: ApolloGateway): void {
  if (!dispatching) {
    (stock as { executeQueryPlan: typeof executeQueryPlan }).executeQueryPlan = (...args) =>
      (ownRequests.has(args[2]) ? executeQueryPlan : stockExecuteQueryPlan)(...args);
    dispatching = true;
  }
  const execute = gateway.executor;
  gateway.executor = (requestContext) => {
    ownRequests.add(requestContext);
    return execute(requestContext);
  };
}
