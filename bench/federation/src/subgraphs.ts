import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { parse, type DocumentNode } from 'graphql';
import { benchData as data } from './data';

const FEDERATION =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires", "@provides", "@shareable"])';

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

/** All four on one port, at /accounts, /inventory, /products and /reviews, as the benchmark serves them. */
export async function startBenchSubgraphs(port = 0, host = '127.0.0.1'): Promise<RunningSubgraphs> {
  const app = express();
  const servers: ApolloServer[] = [];
  const requests: Record<string, number> = Object.fromEntries(BENCH_SUBGRAPHS.map((s) => [s.name, 0]));
  for (const subgraph of BENCH_SUBGRAPHS) {
    const server = new ApolloServer({
      schema: buildSubgraphSchema({ typeDefs: subgraph.typeDefs, resolvers: subgraph.resolvers as never }),
    });
    await server.start();
    servers.push(server);
    app.use(
      `/${subgraph.name}`,
      (_req, _res, next) => {
        requests[subgraph.name]!++;
        next();
      },
      express.json({ limit: '10mb' }),
      expressMiddleware(server),
    );
  }
  const http: Server = createServer(app);
  http.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => http.listen(port, host, resolve));
  const actual = (http.address() as AddressInfo).port;
  return {
    port: actual,
    requests,
    urls: Object.fromEntries(BENCH_SUBGRAPHS.map((s) => [s.name, `http://${host}:${actual}/${s.name}`])),
    close: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}
