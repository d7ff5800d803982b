import {
  DELIVERY_BATCH_EXTENSION,
  DELIVERY_CHANNEL_QUERY,
  INTERNAL_TOKEN_HEADER,
  SUBSCRIPTION_DELIVERY,
  SUBSCRIPTION_IDENTITY,
  signInternalToken,
  type DeliveryBatch,
  type DeliveryMode,
  type Logger,
  type SignedIdentity,
} from '@link-archive/core';
import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { DeliveryDispatch } from './delivery-dispatch';

/** How the gateway itself appears to a subgraph's WebSocket: no viewer, only the proof it is the gateway. */
const GATEWAY_ITSELF: SignedIdentity = { viewer: null, partnerKeyId: null, clientIp: 'gateway' };
/** What an upstream subscription reports, as it arrives (a batch's events one after another, synchronously). */
export interface UpstreamHandlers {
  event(result: FormattedExecutionResult): void;
  /** The subgraph refused the subscription (GraphQL errors) or the connection failed for good. */
  fail(error: unknown): void;
  end(): void;
}

/** One subgraph's connection: its members (upstream subscriptions by member id) and its delivery channel. */
interface Connection {
  client: Client;
  members: Map<string, UpstreamHandlers>;
  closeChannel: (() => void) | null;
}

/**
 * One multiplexed graphql-ws connection per subgraph for every subscription this gateway holds there. The
 * connection proves it is the gateway (a subgraph accepts no other), and each subscription names the identity
 * it runs as in its extensions, so thousands of subscribers share one socket and a re-sent subscription never
 * carries an expired credential. Each subscription is a member of the connection's delivery channel: the
 * subgraph sends the events of all members together, one message per tick, instead of one message each (see
 * SUBSCRIPTION_DELIVERY). A dropped connection is re-established and its subscriptions re-sent (events in
 * between are missed: clients refetch on reconnect, as for any pub/sub).
 */
export class UpstreamSubscriptions {
  private readonly connections = new Map<string, Connection>();
  private lastMember = 0;

  constructor(
    private readonly urls: Record<string, string>,
    private readonly secret: string,
    private readonly logger: Logger,
  ) {}

  subscribe(
    service: string,
    request: { query: string; variables: Record<string, unknown>; operationName?: string },
    identity: SignedIdentity,
    handlers: UpstreamHandlers,
  ): () => void {
    const connection = this.connection(service);
    if (!connection.closeChannel) this.openChannel(service, connection);
    const member = (++this.lastMember).toString(36);
    connection.members.set(member, handlers);
    const delivery: DeliveryMode = { member };
    const unsubscribe = connection.client.subscribe(
      { ...request, extensions: { [SUBSCRIPTION_IDENTITY]: identity, [SUBSCRIPTION_DELIVERY]: delivery } },
      {
        // a member's own messages: a result outside the channel (the subgraph refused it at once) and its end
        next: (result) => handlers.event(result as FormattedExecutionResult),
        // (after the gateway's own unsubscribe, graphql-ws completes too: nobody is told twice)
        error: (err) => {
          if (this.forget(connection, member)) handlers.fail(err);
        },
        complete: () => {
          if (this.forget(connection, member)) handlers.end();
        },
      },
    );
    return () => {
      if (this.forget(connection, member)) unsubscribe();
    };
  }

  /** Whether the member was still there; the channel closes with the connection's last member. */
  private forget(connection: Connection, member: string): boolean {
    if (!connection.members.delete(member)) return false;
    if (connection.members.size === 0) {
      connection.closeChannel?.();
      connection.closeChannel = null;
    }
    return true;
  }

  private openChannel(service: string, connection: Connection): void {
    const delivery: DeliveryMode = { channel: true };
    const dispatch = new DeliveryDispatch((member, result) => {
      const handlers = connection.members.get(member);
      if (!handlers) return;
      try {
        handlers.event(result);
      } catch (err) {
        this.logger.error({ service, err }, 'subscription event handler failed');
      }
    });
    connection.closeChannel = connection.client.subscribe(
      {
        query: DELIVERY_CHANNEL_QUERY,
        extensions: { [SUBSCRIPTION_IDENTITY]: GATEWAY_ITSELF, [SUBSCRIPTION_DELIVERY]: delivery },
      },
      {
        next: (message) => {
          const extensions = message.extensions as Record<string, unknown> | undefined;
          const batch = extensions?.[DELIVERY_BATCH_EXTENSION] as DeliveryBatch | undefined;
          if (typeof batch === 'object' && batch !== null && !dispatch.add(batch))
            this.logger.warn({ service }, 'malformed delivery batch dropped');
        },
        error: (err) => {
          this.logger.error({ service, err }, 'subgraph delivery channel failed');
          connection.closeChannel = null;
        },
        complete: () => {
          connection.closeChannel = null;
        },
      },
    );
  }

  private connection(service: string): Connection {
    let connection = this.connections.get(service);
    if (connection) return connection;
    const url = this.urls[service];
    if (!url) throw new Error(`no subgraph named ${service}`);
    const client = createClient({
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
    connection = { client, members: new Map(), closeChannel: null };
    this.connections.set(service, connection);
    return connection;
  }

  async close(): Promise<void> {
    await Promise.all([...this.connections.values()].map((c) => c.client.dispose()));
    this.connections.clear();
  }
}
