import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@link-archive/core';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { stack } from './client';

export interface LinkEvents {
  /** Payloads received so far, in order. */
  received: Array<{ id: string; status: string }>;
  /** GraphQL errors sent as subscription payloads. */
  errors: unknown[];
  /** Resolves once the connection is acknowledged; the subscription itself may still be registering. */
  ready: Promise<void>;
  /** Waits for an event matching `match` (rejects after `timeoutMs`): receiving one proves the subscription live. */
  until: (match: (e: { id: string; status: string }) => boolean, timeoutMs?: number) => Promise<void>;
  close: () => Promise<void>;
}

/**
 * `linkUpdated` straight from the link subgraph's graphql-ws endpoint, authenticated as the gateway would
 * (the gateway's own subscription layer is the feed issue's).
 */
export async function subscribeLinkUpdated(userId: string, linkId?: string): Promise<LinkEvents> {
  const token = await signInternalToken(stack().secrets.gatewaySecret, {
    viewer: { userId, role: 'USER', plan: 'FREE', anonymous: false, sessionId: 'subscription-test' },
    partnerKeyId: null,
    clientIp: '127.0.0.1',
  });
  const url = stack().subgraphUrls.link.replace(/^http/, 'ws');
  let acknowledged!: () => void;
  const ready = new Promise<void>((resolve) => (acknowledged = resolve));
  const client: Client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { [INTERNAL_TOKEN_HEADER]: token },
    on: { connected: () => acknowledged() },
    retryAttempts: 0,
  });
  const received: LinkEvents['received'] = [];
  const errors: unknown[] = [];
  const unsubscribe = client.subscribe<{ linkUpdated: { id: string; status: string } }>(
    {
      query: 'subscription($id: ID) { linkUpdated(id: $id) { id status } }',
      variables: { id: linkId ?? null },
    },
    {
      next: (msg) => {
        if (msg.data) received.push(msg.data.linkUpdated);
        if (msg.errors) errors.push(...msg.errors);
      },
      error: () => {},
      complete: () => {},
    },
  );
  return {
    received,
    errors,
    ready,
    until: async (match, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!received.some(match)) {
        if (Date.now() > deadline)
          throw new Error(`no matching linkUpdated event in ${JSON.stringify(received)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: async () => {
      unsubscribe();
      await client.dispose();
    },
  };
}
