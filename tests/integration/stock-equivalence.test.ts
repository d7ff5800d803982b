import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signInternalToken } from '@link-archive/core';
import { repoRoot } from '@link-archive/devstack';
import {
  articleHtml,
  execute,
  html,
  saveReadyLink,
  signUp,
  stack,
  startSite,
  type FixtureSite,
  type TestAccount,
} from '@link-archive/testkit';
import express from 'express';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokenVerifier } from '../../gateway/src/auth/access-token';

/**
 * Our gateway against stock @apollo/gateway over the same subgraphs and data: every query among the client
 * operations (`schema/operations/`), as the same people, must come back byte for byte the same. Ours shapes the
 * merged data its own way (written straight to JSON text) and fetches through its own pool; stock is the
 * reference. The stock gateway runs in this process, with the credential our subgraphs trust.
 */

interface StockContext {
  token: string;
  requestId: string;
}

class CredentialedDataSource extends RemoteGraphQLDataSource<StockContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<StockContext>) {
    if (!('token' in context)) return;
    request.http?.headers.set(INTERNAL_TOKEN_HEADER, context.token);
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}

async function startStock(): Promise<{ url: string; close: () => Promise<void> }> {
  const s = stack();
  const redis = new Redis(s.redisUrl, { keyPrefix: s.redisPrefix, lazyConnect: false });
  const tokens = await AccessTokenVerifier.create(s.secrets.jwtPublicKey, redis);
  const server = new ApolloServer<StockContext>({
    gateway: new ApolloGateway({
      supergraphSdl: readFileSync(join(repoRoot, 'schema', 'supergraph.graphql'), 'utf8'),
      buildService: ({ name }) =>
        new CredentialedDataSource({ url: s.subgraphUrls[name as keyof typeof s.subgraphUrls] }),
    }),
  });
  await server.start();
  const app = express();
  app.use(
    '/graphql',
    express.json(),
    expressMiddleware(server, {
      context: async ({ req }) => {
        const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
        const viewer = bearer ? await tokens.verify(bearer) : null;
        if (bearer && !viewer) throw new Error('the stock gateway could not verify the test token');
        const identity = { viewer, partnerKeyId: null, clientIp: '198.18.0.1' };
        return { token: await signInternalToken(s.secrets.gatewaySecret, identity), requestId: randomUUID() };
      },
    }),
  );
  const http: Server = createServer(app);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`,
    close: async () => {
      await server.stop();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      redis.disconnect();
    },
  };
}

/** Each query of the client operations, with the whole file it lives in (its fragments). */
function clientQueries(): { name: string; document: string }[] {
  const dir = join(repoRoot, 'schema', 'operations');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .flatMap((file) => {
      const document = readFileSync(join(dir, file), 'utf8');
      return parse(document)
        .definitions.filter(
          (d): d is OperationDefinitionNode =>
            d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query',
        )
        .map((d) => ({ name: d.name!.value, document }));
    });
}

/**
 * What differs from one request to the next by design, masked before comparing: search cursors carry the moment
 * the search ran (a page's snapshot), so two searches a millisecond apart never match.
 */
const PER_REQUEST: Record<string, RegExp> = {
  SearchLinks: /"(cursor|endCursor)":"[^"]*"/g,
};

async function post(url: string, body: unknown, token?: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': '198.18.0.1',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const volatile = PER_REQUEST[(body as { operationName: string }).operationName];
  return { status: res.status, text: volatile ? text.replace(volatile, '"$1":"(per request)"') : text };
}

let site: FixtureSite;
let stock: Awaited<ReturnType<typeof startStock>>;
let reader: TestAccount;
let author: TestAccount;
let authorsLink: string;

beforeAll(async () => {
  const routes: Record<string, ReturnType<typeof html>> = {};
  for (let i = 0; i < 6; i++) {
    routes[`/equivalence/${i}`] = html(
      articleHtml({
        title: `Equivalence "page" ${i}`,
        description: `Orchard notes ${i}: pruning, grafting & cider`,
        image: '/none.jpg',
        body: `Orchard diary ${i}. Apples, pears and quince; a line with "quotes", a backslash \\ and ünïcödé.`,
      }),
    );
  }
  site = await startSite(routes, { port: stack().sitePort });
  stock = await startStock();
  [reader, author] = await Promise.all([signUp(), signUp()]);
  authorsLink = await saveReadyLink(author, site.url('/equivalence/0'), {
    visibility: 'PUBLIC',
    tags: ['orchard', 'cider'],
    note: 'a note with "quotes"',
  });
  await saveReadyLink(author, site.url('/equivalence/1'), { visibility: 'PUBLIC', tags: ['orchard'] });
  await saveReadyLink(author, site.url('/equivalence/2'), { visibility: 'FOLLOWERS', tags: ['orchard'] });
  await saveReadyLink(author, site.url('/equivalence/3'), { visibility: 'PRIVATE' });
  await saveReadyLink(reader, site.url('/equivalence/4'), { visibility: 'PUBLIC', tags: ['orchard'] });
  await execute(
    'mutation($id: ID!) { follow(userId: $id) { id } }',
    { id: author.id },
    { token: reader.accessToken },
  );
  await execute(
    'mutation($linkId: ID!) { postReview(linkId: $linkId, rating: 4, body: "Crisp and \\"clear\\" notes") { id } }',
    { linkId: authorsLink },
    { token: reader.accessToken },
  );
});

afterAll(async () => {
  await stock?.close();
  await site?.close();
});

/** Variables for each query, and who asks (undefined: anonymous). */
const asked = (): Record<
  string,
  { variables: Record<string, unknown>; as: (TestAccount | undefined)[] }
> => ({
  MyLinks: { variables: { first: 10 }, as: [reader, author] },
  SearchLinks: { variables: { query: 'orchard', first: 10 }, as: [reader, author] },
  PublicLinksOfUser: { variables: { ownerId: author.id, first: 10 }, as: [reader, undefined] },
  LinkCard: { variables: { id: authorsLink }, as: [reader, author, undefined] },
  LinkReviews: { variables: { id: authorsLink, first: 10 }, as: [reader, author] },
  LinkInsights: { variables: { id: authorsLink }, as: [author] },
  HomeFeed: { variables: { first: 10 }, as: [reader, author] },
  PopularFeed: { variables: { first: 10 }, as: [reader, undefined] },
  TagFeed: { variables: { tag: 'orchard', first: 10 }, as: [reader, undefined] },
  Notifications: { variables: { first: 10 }, as: [author, reader] },
  UserProfile: { variables: { handle: author.handle }, as: [reader, author, undefined] },
  Viewer: { variables: {}, as: [reader, author] },
});

describe('the client operations through our gateway and through stock @apollo/gateway', () => {
  it('come back byte for byte the same, for every query and everyone who asks', async () => {
    const queries = clientQueries();
    const plan = asked();
    // every query of the operations is covered here: a new one must be added above
    expect(queries.map((q) => q.name).sort()).toEqual(Object.keys(plan).sort());
    let compared = 0;
    for (const { name, document } of queries) {
      for (const who of plan[name]!.as) {
        const body = { query: document, operationName: name, variables: plan[name]!.variables };
        // the data may move under the comparison (a worker finishing, a feed filling): ours before and
        // after stock must agree for the comparison to count
        for (let attempt = 1; ; attempt++) {
          const before = await post(stack().gatewayUrl, body, who?.accessToken);
          const theirs = await post(stock.url, body, who?.accessToken);
          const after = await post(stack().gatewayUrl, body, who?.accessToken);
          if (before.text !== after.text && attempt < 5) continue;
          expect(before.text, `${name} as ${who?.handle ?? 'anonymous'} moved on every attempt`).toBe(
            after.text,
          );
          expect(JSON.parse(before.text).errors, `${name}: ${before.text}`).toBeUndefined();
          expect(before, `${name} as ${who?.handle ?? 'anonymous'}`).toEqual(theirs);
          compared++;
          break;
        }
      }
    }
    expect(compared).toBe(Object.values(plan).reduce((n, p) => n + p.as.length, 0));
  });
});
