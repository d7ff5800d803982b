import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import type { ForwardedIdentity } from '@link-archive/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayContext } from './context';
import { SubgraphDataSource } from './subgraph-data-source';

/** A subgraph that answers after 100 ms with how many requests it had by then, and the variables it was sent. */
let server: Server;
let url: string;
let calls = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      calls++;
      const { variables } = JSON.parse(text) as { variables: unknown };
      setTimeout(() => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: { calls, variables } }));
      }, 100);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const identity = (userId: string | null): ForwardedIdentity => ({
  viewer: userId ? { userId, sessionId: `s-${userId}`, role: 'USER', plan: 'FREE', anonymous: false } : null,
  partnerKeyId: null,
  clientIp: '198.18.0.1',
  requestId: `r-${Math.random()}`,
});

function fetchOnce(
  source: SubgraphDataSource,
  query: string,
  who: ForwardedIdentity,
  variables: Record<string, unknown> = { id: '1' },
) {
  const context: GatewayContext = { identity: who, internalToken: async () => 'token' };
  return source.process({
    kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
    request: { query, variables },
    context,
    incomingRequestContext: { overallCachePolicy: undefined } as never,
  });
}

const QUERY = 'query Q__users__0($id: ID!) { user(id: $id) { id name } }';
const MUTATION = 'mutation M__users__0($id: ID!) { follow(id: $id) { id } }';

async function callsFor(run: () => Promise<unknown>[]): Promise<{ calls: number; answers: unknown[] }> {
  const before = calls;
  const answers = await Promise.all(run());
  return { calls: calls - before, answers };
}

describe('subgraph fetches in flight (GATEWAY_DEDUP)', () => {
  it('shares one call among identical query fetches of one identity scope, each with its own objects', async () => {
    const source = new SubgraphDataSource('users', url, 5_000, undefined, true);
    const ada = identity('ada');
    const { calls: made, answers } = await callsFor(() =>
      Array.from({ length: 5 }, () => fetchOnce(source, QUERY, { ...ada, requestId: `r-${Math.random()}` })),
    );
    expect(made).toBe(1);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    // parsed once per waiter: one request changing its answer cannot change another's
    expect(answers[0]).not.toBe(answers[1]);
    expect((answers[0] as { data: unknown }).data).not.toBe((answers[1] as { data: unknown }).data);
    await source.close();
  });

  it('never shares across identities, variables or for mutations, and not at all when switched off', async () => {
    const shared = new SubgraphDataSource('users', url, 5_000, undefined, true);
    const ada = identity('ada');
    expect(
      (await callsFor(() => [fetchOnce(shared, QUERY, ada), fetchOnce(shared, QUERY, identity('bob'))]))
        .calls,
    ).toBe(2);
    expect(
      (await callsFor(() => [fetchOnce(shared, QUERY, ada), fetchOnce(shared, QUERY, identity(null))])).calls,
    ).toBe(2);
    expect(
      (await callsFor(() => [fetchOnce(shared, QUERY, ada), fetchOnce(shared, QUERY, ada, { id: '2' })]))
        .calls,
    ).toBe(2);
    expect(
      (await callsFor(() => [fetchOnce(shared, MUTATION, ada), fetchOnce(shared, MUTATION, ada)])).calls,
    ).toBe(2);
    // one after the other: nothing in flight to share
    expect(
      (await callsFor(() => [fetchOnce(shared, QUERY, ada)])).calls +
        (await callsFor(() => [fetchOnce(shared, QUERY, ada)])).calls,
    ).toBe(2);
    const unshared = new SubgraphDataSource('users', url, 5_000, undefined, false);
    expect(
      (await callsFor(() => [fetchOnce(unshared, QUERY, ada), fetchOnce(unshared, QUERY, ada)])).calls,
    ).toBe(2);
    await shared.close();
    await unshared.close();
  });
});
