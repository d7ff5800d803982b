/**
 * A plain graphql-ws server with one local schema, run as its own process by the fan-out benchmark (so its
 * sockets and the benchmark's clients do not share one process's file descriptors): prints its port, emits one
 * feedUpdated event to every subscriber on "emit" from stdin, and answers "rss <MB>".
 */
import { EventEmitter, on } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

const events = new EventEmitter();
events.setMaxListeners(0);
const item = new GraphQLObjectType({
  name: 'Item',
  fields: {
    kind: { type: GraphQLString },
    createdAt: { type: GraphQLString },
    handle: { type: GraphQLString },
  },
});
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: { ok: { type: GraphQLString, resolve: () => 'ok' } },
  }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      feedUpdated: {
        type: item,
        subscribe: async function* () {
          for await (const [value] of on(events, 'item')) yield { feedUpdated: value };
        },
      },
    },
  }),
});

const http = createServer();
useServer({ schema }, new WebSocketServer({ server: http, backlog: 4096 }));
http.listen(0, '127.0.0.1', () => console.log(`port ${(http.address() as AddressInfo).port}`));
process.stdin.setEncoding('utf8');
process.stdin.on('data', (line: string) => {
  if (line.trim() === 'emit') {
    events.emit('item', { kind: 'LINK_SAVED', createdAt: new Date().toISOString(), handle: 'author' });
    console.log(`rss ${Math.round(process.memoryUsage().rss / 2 ** 20)}`);
  }
});
