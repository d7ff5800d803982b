import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { stack } from './client';

export interface SubscriptionOptions {
  /** The access token sent in connection_init as `authorization: Bearer …`; omit to send no payload. */
  token?: string;
  /** connection_init payload as is, instead of one built from `token`. */
  connectionParams?: Record<string, unknown>;
  url?: string;
  headers?: Record<string, string>;
}

export interface LiveSubscription<T> {
  /** Payloads' data received so far, in order. */
  received: T[];
  /** GraphQL errors: in payloads, or the operation's `error` message. */
  errors: { message: string; extensions?: Record<string, unknown> }[];
  /** Resolves with the close code and reason once the socket closes. */
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves once the connection is acknowledged; the subscription itself may still be registering. */
  ready: Promise<void>;
  /** Waits for a payload matching `match` (rejects after `timeoutMs`); receiving one proves the subscription live. */
  until: (match: (payload: T) => boolean, timeoutMs?: number) => Promise<T>;
  /** Waits until the operation has ended (complete or error). */
  ended: Promise<void>;
  close: () => Promise<void>;
}

const gatewaySocketUrl = () => stack().gatewayUrl.replace(/^http/, 'ws');

/** One operation over its own graphql-ws connection to the gateway, as a client app would open it. */
export function subscribe<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  options: SubscriptionOptions & { select?: (data: Record<string, unknown>) => T } = {},
): LiveSubscription<T> {
  let acknowledged!: () => void;
  const ready = new Promise<void>((resolve) => (acknowledged = resolve));
  let onClosed!: (close: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  let onEnded!: () => void;
  const ended = new Promise<void>((resolve) => (onEnded = resolve));
  const headers = options.headers;
  const client: Client = createClient({
    url: options.url ?? gatewaySocketUrl(),
    webSocketImpl: headers
      ? class extends WebSocket {
          constructor(url: string, protocols?: string | string[]) {
            super(url, protocols, { headers });
          }
        }
      : WebSocket,
    connectionParams:
      options.connectionParams ?? (options.token ? { authorization: `Bearer ${options.token}` } : undefined),
    on: {
      connected: () => acknowledged(),
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        onClosed({ code, reason: String(reason) });
      },
    },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
  });
  const received: T[] = [];
  const errors: LiveSubscription<T>['errors'] = [];
  const select = options.select ?? ((data) => data as T);
  const unsubscribe = client.subscribe<Record<string, unknown>>(
    { query, variables },
    {
      next: (msg) => {
        if (msg.data) received.push(select(msg.data));
        if (msg.errors) errors.push(...(msg.errors as LiveSubscription<T>['errors']));
      },
      error: (err) => {
        if (Array.isArray(err)) errors.push(...err);
        onEnded();
      },
      complete: () => onEnded(),
    },
  );
  return {
    received,
    errors,
    closed,
    ready,
    ended,
    until: async (match, timeoutMs = 40_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(match);
        if (found) return found;
        if (Date.now() > deadline) {
          throw new Error(`no matching payload in ${JSON.stringify({ received, errors }).slice(0, 2000)}`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: async () => {
      unsubscribe();
      await client.dispose();
    },
  };
}

/** How the gateway answers a bare connection attempt: the close code and reason it ends with. */
export async function connectionRefusal(
  connectionParams: Record<string, unknown> | undefined,
  headers?: Record<string, string>,
): Promise<{ code: number; reason: string }> {
  const sub = subscribe('subscription { linkUpdated { id } }', {}, { connectionParams, headers });
  const close = await Promise.race([
    sub.closed,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('socket stayed open')), 10_000)),
  ]);
  await sub.close();
  return close;
}
