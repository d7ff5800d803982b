import { ApolloClient, ApolloLink, HttpLink } from '@apollo/client';
import { getMainDefinition } from '@apollo/client/utilities';
import { createCache } from './cache/type-policies';
import { bearerLink, refreshOnUnauthenticatedLink } from './links/auth-links';
import { persistedQueriesLink } from './links/persisted-queries';
import { subscriptionClient } from './links/subscriptions';
import { SaveLinkOutbox, type SaveLinkOutboxOptions } from './outbox/save-link-outbox';
import { refreshOverHttp } from './session/refresh-over-http';
import { memoryStorage, type KeyValueStorage } from './session/storage';
import { TokenSession } from './session/token-session';

export interface LinkArchiveClientOptions {
  /** The gateway's GraphQL endpoint, e.g. https://api.example.com/graphql. */
  httpUrl: string;
  /** Its WebSocket endpoint (default: httpUrl with ws(s)://). */
  wsUrl?: string;
  /** Where tokens and the outbox live across restarts (AsyncStorage in the app; default: memory). */
  storage?: KeyValueStorage;
  fetch?: typeof fetch;
  /** Node passes `ws`; React Native and browsers have a global WebSocket. */
  webSocketImpl?: unknown;
  /** Refresh the access token this long before it expires (default 30 s). */
  refreshMarginMs?: number;
  onSignedOut?: () => void;
  /** Called when the subscription socket is back after a drop (events in between were missed: refetch). */
  onReconnected?: () => void;
  /** Reports of the outbox: a save made, or refused for good (its entry is dropped). */
  outbox?: Pick<SaveLinkOutboxOptions, 'onSaved' | 'onRejected'>;
  /** Each request's time limit (default 30 s). */
  requestTimeoutMs?: number;
}

export interface LinkArchiveClient {
  client: ApolloClient;
  session: TokenSession;
  outbox: SaveLinkOutbox;
  /** Closes the subscription socket and stops the client. */
  dispose(): Promise<void>;
}

/** Apollo's own signal (a cancelled query) or the time limit, whichever aborts first. */
function withTimeout(signal: AbortSignal | null | undefined, ms: number): AbortSignal {
  const timeout = AbortSignal.timeout(ms);
  if (!signal) return timeout;
  const both = new AbortController();
  for (const source of [signal, timeout]) {
    if (source.aborted) both.abort(source.reason);
    else source.addEventListener('abort', () => both.abort(source.reason), { once: true });
  }
  return both.signal;
}

const isSubscription = (operation: ApolloLink.Operation) => {
  const definition = getMainDefinition(operation.query);
  return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
};

/**
 * The app's client: queries and mutations over HTTP with automatic persisted queries and the session's bearer
 * token (refreshed and retried on 401), subscriptions over graphql-ws (reconnecting, and refreshing on 4403),
 * a cache that merges connection pages, and the saveLink outbox.
 */
export function createLinkArchiveClient(options: LinkArchiveClientOptions): LinkArchiveClient {
  const fetchImpl = options.fetch ?? fetch;
  const storage = options.storage ?? memoryStorage();
  const session = new TokenSession({
    storage,
    refresh: refreshOverHttp(options.httpUrl, fetchImpl),
    refreshMarginMs: options.refreshMarginMs,
    onSignedOut: options.onSignedOut,
  });
  const timeoutMs = options.requestTimeoutMs ?? 30_000;
  const http = ApolloLink.from([
    refreshOnUnauthenticatedLink(session),
    bearerLink(session),
    persistedQueriesLink(),
    new HttpLink({
      uri: options.httpUrl,
      fetch: (input, init) => fetchImpl(input, { ...init, signal: withTimeout(init?.signal, timeoutMs) }),
    }),
  ]);
  const subscriptions = subscriptionClient({
    url: options.wsUrl ?? options.httpUrl.replace(/^http/, 'ws'),
    session,
    webSocketImpl: options.webSocketImpl,
    onReconnected: options.onReconnected,
  });
  const client = new ApolloClient({
    link: ApolloLink.split(isSubscription, subscriptions.link, http),
    cache: createCache(),
  });
  const outbox = new SaveLinkOutbox(client, { storage, ...options.outbox });
  return {
    client,
    session,
    outbox,
    dispose: async () => {
      await subscriptions.socket.dispose();
      client.stop();
    },
  };
}
