import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import type { QueryPlanner } from '@apollo/query-planner';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { createLogger } from '@link-archive/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadManifest } from '../partners/trusted-documents';
import { warmQueryPlans } from './query-plan-warming';

const schemaDir = join(__dirname, '..', '..', '..', 'schema');
const manifestPath = join(schemaDir, 'persisted-queries.json');
const listed = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
  operations: { name: string; type: string; body: string }[];
};

let gateway: ApolloGateway;
let server: ApolloServer;

beforeAll(async () => {
  gateway = new ApolloGateway({
    supergraphSdl: readFileSync(join(schemaDir, 'supergraph.graphql'), 'utf8'),
    // planning is what is watched here: every fetch answers at once, without a subgraph
    buildService: () => ({ process: async () => ({ errors: [{ message: 'no subgraph in this test' }] }) }),
  });
  server = new ApolloServer({ gateway });
  await server.start();
});

afterAll(() => server?.stop());

const run = (query: string, operationName: string) =>
  server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: 'POST',
      headers: new HeaderMap([['content-type', 'application/json']]),
      search: '',
      body: { query, operationName },
    },
    context: async () => ({}),
  });

describe('query plans warmed from the persisted-query manifest', () => {
  it("plans the manifest's queries and mutations before any request, so their first requests plan nothing", async () => {
    const planned = await warmQueryPlans(
      gateway,
      loadManifest(manifestPath).values(),
      createLogger('test', 'silent'),
    );
    const plannable = listed.operations.filter((op) => op.type === 'query' || op.type === 'mutation');
    expect(planned).toBe(plannable.length);

    const planner = (gateway as unknown as { queryPlanner: QueryPlanner }).queryPlanner;
    const planning = vi.spyOn(planner, 'buildQueryPlan');
    const queries = plannable.filter((op) => op.type === 'query' && !/\(\$\w+: [^)]*!/.test(op.body));
    expect(queries.length).toBeGreaterThan(0);
    for (const op of queries) await run(op.body, op.name);
    expect(planning).not.toHaveBeenCalled();

    // the same operation in other text is another document, planned on its first request
    await run(`${queries[0]!.body}\n`, queries[0]!.name);
    expect(planning).toHaveBeenCalledTimes(1);
    planning.mockRestore();
  });
});
