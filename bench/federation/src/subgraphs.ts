import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { benchData as data } from './data';

const FEDERATION =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires", "@provides", "@shareable"])';

// the graphql-js instance @apollo/subgraph builds schemas with (its CommonJS build): under the test runner an
// import here would load the ES module build, a second instance that refuses those schemas
const { execute, GraphQLError, parse, validate } = require('graphql') as typeof import('graphql');
type ValidationErrors = ReturnType<typeof validate>;

type Product = { upc: string; price?: number; weight?: number };

/** The benchmark's four subgraphs, as its README describes them. */
export const BENCH_SUBGRAPHS: { name: string; typeDefs: DocumentNode; resolvers: Record<string, unknown> }[] =
  [
    {
      name: 'accounts',
      typeDefs: parse(`${FEDERATION}
      type Query { me: User user(id: ID!): User users: [User] }
      type User @key(fields: "id") { id: ID! name: String username: String @shareable birthday: Int }`),
      resolvers: {
        Query: {
          me: () => data.users[0],
          user: (_: unknown, { id }: { id: string }) => data.users.find((u) => u.id === id) ?? null,
          users: () => data.users,
        },
        User: { __resolveReference: ({ id }: { id: string }) => data.users.find((u) => u.id === id) ?? null },
      },
    },
    {
      name: 'inventory',
      typeDefs: parse(`${FEDERATION}
      type Product @key(fields: "upc") {
        upc: String! weight: Int @external price: Int @external inStock: Boolean
        shippingEstimate: Int @requires(fields: "price weight")
      }`),
      resolvers: {
        Product: {
          __resolveReference: (product: Product) => ({
            ...product,
            inStock: data.inStock[product.upc] ?? null,
          }),
          shippingEstimate: ({ price, weight }: Product) => {
            if (price === undefined || price === null || weight === undefined || weight === null) return null;
            return price > 1000 ? 0 : Math.trunc(weight / 2);
          },
        },
      },
    },
    {
      name: 'products',
      typeDefs: parse(`${FEDERATION}
      type Query { topProducts(first: Int = 5): [Product] }
      type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`),
      resolvers: {
        Query: { topProducts: (_: unknown, { first }: { first: number }) => data.products.slice(0, first) },
        Product: {
          __resolveReference: ({ upc }: Product) => data.products.find((p) => p.upc === upc) ?? null,
        },
      },
    },
    {
      name: 'reviews',
      typeDefs: parse(`${FEDERATION}
      type Review @key(fields: "id") { id: ID! body: String product: Product author: User @provides(fields: "username") }
      type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
      type Product @key(fields: "upc") { upc: String! reviews: [Review] }`),
      resolvers: {
        Review: {
          __resolveReference: ({ id }: { id: string }) => data.reviews.find((r) => r.id === id) ?? null,
          author: () => ({ id: '1', username: 'urigo' }),
          product: (review: { product: { upc: string } }) => ({ upc: review.product.upc }),
        },
        User: {
          __resolveReference: ({ id }: { id: string }) => ({ id, username: 'user' }),
          reviews: () => data.reviews.slice(0, 2),
        },
        Product: {
          __resolveReference: ({ upc }: Product) => ({ upc }),
          reviews: ({ upc }: Product) => data.reviews.filter((r) => r.product.upc === upc),
        },
      },
    },
  ];

export interface RunningSubgraphs {
  port: number;
  /** Requests served so far, per subgraph. */
  requests: Record<string, number>;
  urls: Record<string, string>;
  close: () => Promise<void>;
}

type GraphQLBody = { query?: unknown; variables?: unknown; operationName?: unknown };

/** How many distinct documents one subgraph keeps parsed and validated (a gateway sends a handful). */
const DOCUMENT_CACHE = 1_000;
const BODY_LIMIT = 10 * 1024 * 1024;

/**
 * One subgraph answering GraphQL over HTTP: graphql-js execution of its @apollo/subgraph schema, each document
 * parsed and validated once. The benchmark's own subgraphs are written in Rust so that they are never what is
 * measured; an Apollo Server per subgraph behind Express cost their core 10-17 ms per TestQuery (4-7 ms like this)
 * and made it, not the gateway's core, the bottleneck.
 */
class SubgraphEndpoint {
  private readonly documents = new Map<string, DocumentNode | ValidationErrors>();

  constructor(private readonly schema: GraphQLSchema) {}

  private document(query: string): DocumentNode | ValidationErrors {
    let document = this.documents.get(query);
    if (!document) {
      try {
        const parsed = parse(query);
        const errors = validate(this.schema, parsed);
        document = errors.length ? errors : parsed;
      } catch (err) {
        if (!(err instanceof GraphQLError)) throw err;
        document = [err];
      }
      if (this.documents.size >= DOCUMENT_CACHE) this.documents.clear();
      this.documents.set(query, document);
    }
    return document;
  }

  async answer(body: GraphQLBody): Promise<{ status: number; json: string }> {
    if (typeof body.query !== 'string') return { status: 400, json: '{"errors":[{"message":"no query"}]}' };
    const document = this.document(body.query);
    if (!('kind' in document)) return { status: 400, json: JSON.stringify({ errors: document }) };
    const result = await execute({
      schema: this.schema,
      document,
      variableValues: (body.variables ?? undefined) as Record<string, unknown> | undefined,
      operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
    });
    return { status: 200, json: JSON.stringify(result) };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** All four on one port, at /accounts, /inventory, /products and /reviews, as the benchmark serves them. */
export async function startBenchSubgraphs(port = 0, host = '127.0.0.1'): Promise<RunningSubgraphs> {
  const requests: Record<string, number> = Object.fromEntries(BENCH_SUBGRAPHS.map((s) => [s.name, 0]));
  const endpoints = new Map(
    BENCH_SUBGRAPHS.map((s) => [
      `/${s.name}`,
      {
        name: s.name,
        endpoint: new SubgraphEndpoint(
          buildSubgraphSchema({ typeDefs: s.typeDefs, resolvers: s.resolvers as never }),
        ),
      },
    ]),
  );
  const reply = (res: ServerResponse, status: number, json: string) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(json),
    });
    res.end(json);
  };
  const http: Server = createServer((req, res) => {
    const route = endpoints.get(req.url ?? '');
    if (!route || req.method !== 'POST') return reply(res, 404, '{"errors":[{"message":"not found"}]}');
    requests[route.name]!++;
    readBody(req)
      .then((text) => route.endpoint.answer(JSON.parse(text) as GraphQLBody))
      .then(({ status, json }) => reply(res, status, json))
      .catch((err: Error) => {
        if (!res.headersSent) reply(res, 400, JSON.stringify({ errors: [{ message: err.message }] }));
      });
  });
  http.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => http.listen(port, host, resolve));
  const actual = (http.address() as AddressInfo).port;
  return {
    port: actual,
    requests,
    urls: Object.fromEntries(BENCH_SUBGRAPHS.map((s) => [s.name, `http://${host}:${actual}/${s.name}`])),
    close: async () => {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
