import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';

/** @apollo/gateway on Apollo Server as their documentation sets them up, nothing added: the baseline. */
export async function startStockGateway(supergraphSdl: string, port = 0) {
  const server = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }) });
  await server.start();
  const app = express();
  app.use('/graphql', express.json({ limit: '10mb' }), expressMiddleware(server));
  const http = createServer(app);
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`,
    close: async () => {
      await server.stop();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
