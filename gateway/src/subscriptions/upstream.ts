import {
  INTERNAL_TOKEN_HEADER,
  SUBSCRIPTION_IDENTITY,
  signInternalToken,
  type Logger,
  type SignedIdentity,
} from '@link-archive/core';
import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** How the gateway itself appears to a subgraph's WebSocket: no viewer, only the proof it is the gateway. */
const GATEWAY_ITSELF: SignedIdentity = { viewer: null, partnerKeyId: null, clientIp: 'gateway' };

/**
 * One multiplexed graphql-ws connection per subgraph for every subscription this gateway holds there. The
 * connection proves it is the gateway (a subgraph accepts no other), and each subscription names the identity
 * it runs as in its extensions, so thousands of subscribers share one socket and a re-sent subscription never
 * carries an expired credential. A dropped connection is re-established and its
 * subscriptions re-sent (events in between are missed: clients refetch on reconnect, as for any pub/sub).
 */
export class UpstreamSubscriptions {
  private readonly clients = new Map<string, Client>();

  constructor(
    private readonly urls: Record<string, string>,
    private readonly secret: string,
    private readonly logger: Logger,
  ) {}

  subscribe(
    service: string,
    request: { query: string; variables: Record<string, unknown>; operationName?: string },
    identity: SignedIdentity,
  ): AsyncIterableIterator<FormattedExecutionResult> {
    return this.client(service).iterate({ ...request, extensions: { [SUBSCRIPTION_IDENTITY]: identity } });
  }

  private client(service: string): Client {
    let client = this.clients.get(service);
    if (client) return client;
    const url = this.urls[service];
    if (!url) throw new Error(`no subgraph named ${service}`);
    client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      lazy: true,
      lazyCloseTimeout: 5_000,
      keepAlive: 15_000,
      retryAttempts: Number.MAX_SAFE_INTEGER,
      shouldRetry: () => true,
      connectionParams: async () => ({
        [INTERNAL_TOKEN_HEADER]: await signInternalToken(this.secret, GATEWAY_ITSELF),
      }),
      on: {
        closed: (event) =>
          this.logger.warn({ service, code: (event as { code?: number }).code }, 'subgraph socket closed'),
      },
    });
    this.clients.set(service, client);
    return client;
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((c) => c.dispose()));
    this.clients.clear();
  }
}
