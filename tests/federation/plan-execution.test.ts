import { createHash } from 'node:crypto';
import { ApolloGateway, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer, HeaderMap } from '@apollo/server';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import {
  benchSupergraph,
  startBenchSubgraphs,
  testQuery,
  type RunningSubgraphs,
} from '@link-archive/bench-federation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPlanExecution } from '../../gateway/src/graphql/plan-execution/execute-query-plan';
import { stringifyResult } from '../../gateway/src/graphql/result-shaping/shaped-text';

/**
 * Our query plan executor against @apollo/gateway's, both in this process over the benchmark's subgraphs, with
 * the subgraphs' answers damaged the ways subgraphs fail: unreachable, errors with and without paths, entities
 * missing or null, fields null or of the wrong type, too few entities, no __typename. The damage is seeded by
 * the request and each entity's representation, so both gateways see the same damage whatever order their
 * fetches run in, and however many times they send one entity (ours sends each distinct one once).
 */

type Body = { query: string; variables?: Record<string, unknown>; operationName?: string };
type Answer = { data?: Record<string, unknown> | null; errors?: Record<string, unknown>[] };

function rolls(seed: string) {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0) & 0x7fffffff;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const codes = ['INTERNAL_SERVER_ERROR', 'INVALID_GRAPHQL', 'UNAUTHENTICATED', undefined];

/**
 * One subgraph answer, damaged as the rolls say (or not at all). The rolls for the whole fetch go by its query;
 * those for an entity by its representation, so an entity is damaged alike however many times it is sent.
 */
function damage(answer: Answer, request: Body, roll: (key: string) => () => number): Answer | Error {
  const fetch = roll(request.query)();
  if (fetch < 0.06) return new Error('connect ECONNREFUSED');
  if (fetch < 0.1) return { data: null, errors: [{ message: 'the subgraph fell over' }] };
  const errors: Record<string, unknown>[] = [...(answer.errors ?? [])];
  const data = answer.data;
  if (!data) return answer;
  const entities = data._entities;
  const representations = request.variables?.representations as unknown[] | undefined;
  const lists: [string, unknown[]][] = Array.isArray(entities)
    ? [['_entities', entities]]
    : Object.entries(data).filter((e): e is [string, unknown[]] => Array.isArray(e[1]));
  for (const [root, items] of lists) {
    items.forEach((item, i) => {
      const next = roll(`${request.query}|${JSON.stringify(representations?.[i] ?? [root, i])}`);
      const r = next();
      const code = codes[Math.floor(next() * codes.length)];
      const extensions = code ? { code } : undefined;
      if (r < 0.06) {
        items[i] = null;
        errors.push({ message: `no such ${root}`, path: [root, i], extensions });
      } else if (r < 0.12 && item && typeof item === 'object') {
        const keys = Object.keys(item).filter((k) => k !== '__typename');
        const key = keys[Math.floor(next() * keys.length)];
        if (key) {
          (item as Record<string, unknown>)[key] = next() < 0.5 ? null : { wrong: 'type' };
          errors.push({ message: `bad ${key}`, path: [root, i, key], extensions });
        }
      } else if (r < 0.14 && item && typeof item === 'object') {
        delete (item as Record<string, unknown>).__typename;
      }
    });
  }
  // an error of the whole fetch: no path, whatever it was sent
  if (fetch > 0.9) errors.push({ message: 'a warning without a path', extensions: { code: 'DEPRECATED' } });
  if (Array.isArray(entities) && fetch < 0.13) entities.pop();
  return errors.length ? { data, errors } : { data };
}

/** A subgraph over HTTP whose answers are damaged by `seed` and the request itself. */
class DamagingSubgraph implements GraphQLDataSource {
  constructor(
    private readonly name: string,
    private readonly url: string,
    private readonly seed: () => string,
  ) {}

  async process({ request }: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: request.query, variables: request.variables }),
    });
    const seed = this.seed();
    const answer = (await res.json()) as Answer;
    const damaged = seed
      ? damage(answer, request as Body, (key) => rolls(`${seed}|${this.name}|${key}`))
      : answer;
    if (damaged instanceof Error) throw damaged;
    return damaged as GatewayGraphQLResponse;
  }
}

let subgraphs: RunningSubgraphs;
/** What damages the subgraphs' answers; none while empty. */
let seed = '';
let stock: ApolloServer;
let ours: ApolloServer;

async function server(own: boolean): Promise<ApolloServer> {
  const gateway = new ApolloGateway({
    supergraphSdl: benchSupergraph(subgraphs.urls),
    buildService: ({ name }) =>
      new DamagingSubgraph(name, subgraphs.urls[name as keyof typeof subgraphs.urls]!, () => seed),
  });
  if (own) installPlanExecution(gateway);
  const apollo = new ApolloServer({ gateway, ...(own ? { stringifyResult } : {}) });
  await apollo.start();
  return apollo;
}

beforeAll(async () => {
  subgraphs = await startBenchSubgraphs();
  stock = await server(false);
  ours = await server(true);
});

afterAll(async () => {
  await ours?.stop();
  await stock?.stop();
  await subgraphs?.close();
});

async function post(apollo: ApolloServer, body: Body): Promise<string> {
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: 'POST',
      headers: new HeaderMap([['content-type', 'application/json']]),
      search: '',
      body,
    },
    context: async () => ({}),
  });
  expect(response.body.kind).toBe('complete');
  return response.body.kind === 'complete' ? response.body.string : '';
}

/** The body with its errors in a fixed order: fetches that run in parallel report theirs in either order. */
function comparable(text: string): string {
  const body = JSON.parse(text) as { errors?: unknown[] };
  if (body.errors) body.errors = body.errors.map((e) => JSON.stringify(e)).sort();
  return JSON.stringify(body);
}

const operations: Body[] = [
  { query: testQuery, operationName: 'TestQuery' },
  {
    query:
      'query($id: ID!) { user(id: $id) { id name reviews { id product { upc shippingEstimate inStock } } } }',
    variables: { id: '2' },
  },
  {
    query:
      'query($withReviews: Boolean!) { topProducts(first: 3) { upc name reviews @include(if: $withReviews) { body author { username name } } } }',
    variables: { withReviews: true },
  },
  {
    query:
      'query($skip: Boolean!) { users { id reviews @skip(if: $skip) { body } } me { username reviews { author { username } } } }',
    variables: { skip: false },
  },
  { query: '{ __typename me { __typename id name } __schema { queryType { name } } }' },
];

describe('our query plan executor', () => {
  it('answers the benchmark operations as @apollo/gateway does when nothing is damaged', async () => {
    seed = '';
    for (const operation of operations) {
      const [mine, theirs] = await Promise.all([post(ours, operation), post(stock, operation)]);
      expect(comparable(mine)).toBe(comparable(theirs));
    }
  });

  it('gives the same data and errors as @apollo/gateway for damaged subgraph answers', async () => {
    let damaged = 0;
    for (let round = 0; round < 40; round++) {
      for (const [i, operation] of operations.entries()) {
        seed = `round ${round} operation ${i}`;
        const [mine, theirs] = await Promise.all([post(ours, operation), post(stock, operation)]);
        expect(comparable(mine), `${seed}: ${operation.query}`).toBe(comparable(theirs));
        if (theirs.includes('"errors"')) damaged++;
      }
    }
    // the damage reached most answers: the comparison covered the error paths, not only clean data
    expect(damaged).toBeGreaterThan(100);
  });
});
