import { randomUUID } from 'node:crypto';
import { setTimeout } from 'node:timers/promises';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  benchSupergraph,
  startBenchSubgraphs,
  startStockGateway,
  testQuery,
  type RunningSubgraphs,
} from '@link-archive/bench-federation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../../gateway/src/app';
import { gatewayEnvironment } from '../../gateway/src/environment';

let subgraphs: RunningSubgraphs;
let supergraphPath: string;
let stock: Awaited<ReturnType<typeof startStockGateway>>;
let ours: RunningGateway;
let oursUnshared: RunningGateway;
let oursOneAtATime: RunningGateway;

const base = () => ({
  NODE_ENV: 'test',
  PORT: '0',
  HOST: '127.0.0.1',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: `foreign_${randomUUID().slice(0, 8)}:`,
  SUPERGRAPH_PATH: supergraphPath,
  LOG_LEVEL: 'silent',
});

beforeAll(async () => {
  subgraphs = await startBenchSubgraphs();
  supergraphPath = join(mkdtempSync(join(tmpdir(), 'foreign-')), 'supergraph.graphql');
  writeFileSync(supergraphPath, benchSupergraph(subgraphs.urls));
  stock = await startStockGateway(benchSupergraph(subgraphs.urls));
  ours = await startGateway(gatewayEnvironment.parse({ ...base(), GATEWAY_AUTH: 'off' }));
  oursUnshared = await startGateway(
    gatewayEnvironment.parse({ ...base(), GATEWAY_AUTH: 'off', GATEWAY_DEDUP: 'off' }),
  );
  oursOneAtATime = await startGateway(
    gatewayEnvironment.parse({
      ...base(),
      GATEWAY_AUTH: 'off',
      GATEWAY_DEDUP: 'off',
      GATEWAY_MAX_EXECUTIONS: '1',
    }),
  );
});

afterAll(async () => {
  await ours?.close();
  await oursUnshared?.close();
  await oursOneAtATime?.close();
  await stock?.close();
  await subgraphs?.close();
});

const post = async (url: string, body: unknown) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
};

describe('a foreign supergraph with GATEWAY_AUTH=off', () => {
  it('answers the benchmark TestQuery byte for byte as stock @apollo/gateway does', async () => {
    const [mine, theirs] = await Promise.all([
      post(ours.url, { query: testQuery, operationName: 'TestQuery' }),
      post(stock.url, { query: testQuery, operationName: 'TestQuery' }),
    ]);
    expect(mine.status).toBe(200);
    expect(mine.text.length).toBeGreaterThan(80_000);
    expect(JSON.parse(mine.text).errors).toBeUndefined();
    expect(mine.text).toBe(theirs.text);
  });

  it('answers other operations (variables, @requires, @provides) as stock does, and refuses bad ones alike', async () => {
    const requests = [
      {
        query:
          'query($id: ID!) { user(id: $id) { id name reviews { id product { upc shippingEstimate inStock } } } }',
        variables: { id: '2' },
      },
      {
        query:
          '{ me { username reviews { author { username } } } topProducts(first: 2) { name reviews { body } } }',
      },
    ];
    for (const request of requests) {
      const [mine, theirs] = await Promise.all([post(ours.url, request), post(stock.url, request)]);
      expect({ status: mine.status, text: mine.text }).toEqual({ status: theirs.status, text: theirs.text });
    }
    // errors are ours on purpose (no field suggestions), but the status and code are the same
    const bad = { query: '{ topProducts { nope } }' };
    const [mine, theirs] = await Promise.all([post(ours.url, bad), post(stock.url, bad)]);
    const code = (r: { text: string }) => JSON.parse(r.text).errors[0].extensions.code;
    expect([mine.status, code(mine)]).toEqual([theirs.status, code(theirs)]);
  });
});

describe('identical requests in flight (GATEWAY_DEDUP)', () => {
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
  const burst = async (url: string, n: number) => {
    const before = total(subgraphs.requests);
    const bodies = await Promise.all(
      Array.from({ length: n }, () => post(url, { query: testQuery, operationName: 'TestQuery' })),
    );
    return { bodies, fetches: total(subgraphs.requests) - before };
  };

  it('share one execution and its bytes; with GATEWAY_DEDUP=off each runs on its own', async () => {
    const single = await burst(oursUnshared.url, 1);
    const expected = (await post(stock.url, { query: testQuery, operationName: 'TestQuery' })).text;
    const shared = await burst(ours.url, 20);
    for (const body of shared.bodies) expect(body).toEqual({ status: 200, text: expected });
    // twenty requests in flight together cost the subgraph fetches of far fewer executions
    expect(shared.fetches).toBeLessThan(single.fetches * 20);
    expect(shared.fetches).toBeGreaterThanOrEqual(single.fetches);
    const unshared = await burst(oursUnshared.url, 20);
    for (const body of unshared.bodies) expect(body).toEqual({ status: 200, text: expected });
    expect(unshared.fetches).toBe(single.fetches * 20);
  });
});

describe('GATEWAY_MAX_EXECUTIONS', () => {
  it('runs the rest in turn and refuses past 64 waiting per slot with a 503 and RATE_LIMITED', async () => {
    const expected = (await post(stock.url, { query: testQuery, operationName: 'TestQuery' })).text;
    const responses = await Promise.all(
      Array.from({ length: 150 }, async () => {
        const res = await fetch(oursOneAtATime.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: testQuery, operationName: 'TestQuery' }),
        });
        return { status: res.status, retryAfter: res.headers.get('retry-after'), text: await res.text() };
      }),
    );
    const served = responses.filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status !== 200);
    // one running and 64 waiting at most: of 150 sent together, some wait their turn and the rest are refused
    expect(served.length).toBeGreaterThan(1);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of served) expect(r.text).toBe(expected);
    for (const r of refused) {
      expect([r.status, r.retryAfter]).toEqual([503, '1']);
      expect(JSON.parse(r.text).errors[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: 1 });
    }
  });
});

describe('GATEWAY_MAX_EXECUTIONS, clients that leave', () => {
  it('does not run the requests of clients that left while they waited', async () => {
    const fetchesOf = async (run: () => Promise<unknown>) => {
      const before = Object.values(subgraphs.requests).reduce((a, b) => a + b, 0);
      await run();
      return Object.values(subgraphs.requests).reduce((a, b) => a + b, 0) - before;
    };
    const send = (signal?: AbortSignal) =>
      fetch(oursOneAtATime.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: testQuery, operationName: 'TestQuery' }),
        signal,
      }).then((res) => res.text());
    const single = await fetchesOf(() => send());
    const leaving = new AbortController();
    const fetches = await fetchesOf(async () => {
      const kept = Array.from({ length: 30 }, () => send());
      await setTimeout(30);
      // sent once the 30 kept are in, so they wait behind them (one execution at a time) when their clients leave
      const left = Array.from({ length: 30 }, () => send(leaving.signal).catch(() => 'left'));
      await setTimeout(20);
      leaving.abort();
      expect(await Promise.all(left)).toEqual(Array.from({ length: 30 }, () => 'left'));
      // one more after them runs only once every request ahead of it has run or been dropped (first come, first served)
      const last = await send();
      for (const text of [...(await Promise.all(kept)), last]) expect(text.length).toBeGreaterThan(80_000);
    });
    expect(fetches).toBe(31 * single);
  });
});

describe('GATEWAY_AUTH', () => {
  it('refuses to be off in production without the explicit override', () => {
    const production = { ...base(), NODE_ENV: 'production', GATEWAY_AUTH: 'off' };
    expect(gatewayEnvironment.safeParse(production).success).toBe(false);
    expect(
      gatewayEnvironment.safeParse({ ...production, GATEWAY_AUTH_OFF_IN_PRODUCTION: 'i-understand' }).success,
    ).toBe(true);
  });

  it('on (the default) needs its keys, and a supergraph with our user subgraph', async () => {
    expect(gatewayEnvironment.safeParse(base()).success).toBe(false);
    const env = gatewayEnvironment.parse({
      ...base(),
      GATEWAY_SECRET: 'x'.repeat(32),
      JWT_PUBLIC_KEY:
        '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----',
    });
    await expect(startGateway(env)).rejects.toThrow(/no user subgraph/);
  });
});
