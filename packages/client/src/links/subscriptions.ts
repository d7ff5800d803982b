import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient, type Client } from 'graphql-ws';
import type { TokenSession } from '../session/token-session';

/** The gateway closes a socket with 4403 when its access token expires or its session is revoked. */
export const TOKEN_REFUSED_CLOSE = 4403;

export interface SubscriptionOptions {
  url: string;
  session: TokenSession;
  /** React Native and browsers have a global WebSocket; Node passes `ws`. */
  webSocketImpl?: unknown;
  /** Reconnection attempts after a drop (default: keep trying, with graphql-ws's randomised back-off). */
  retryAttempts?: number;
  onReconnected?: () => void;
}

/**
 * Subscriptions over graphql-ws. The socket authenticates in connection_init with the session's token; when the
 * gateway closes it with 4403 (the token expired mid-subscription), the token is refreshed and graphql-ws
 * reconnects and subscribes again, so the app's subscriptions carry on. Opens only while something subscribes.
 */
export function subscriptionClient(options: SubscriptionOptions): { link: GraphQLWsLink; socket: Client } {
  let sentWith: string | null = null;
  let refusedToken: string | null = null;
  let connections = 0;
  let signedOut = false;
  const socket = createClient({
    url: options.url,
    webSocketImpl: options.webSocketImpl,
    lazy: true,
    retryAttempts: options.retryAttempts ?? Number.MAX_SAFE_INTEGER,
    // a drop is retried (4403 included: the next init refreshes); signed out, the app's subscriptions end
    shouldRetry: () => !signedOut,
    connectionParams: async () => {
      const refused = refusedToken;
      refusedToken = null;
      sentWith = refused ? await options.session.refresh(refused) : await options.session.accessToken();
      signedOut = !sentWith;
      if (!sentWith) throw new Error('Signed out: no access token for subscriptions');
      return { authorization: `Bearer ${sentWith}` };
    },
    on: {
      connected: () => {
        connections += 1;
        if (connections > 1) options.onReconnected?.();
      },
      closed: (event) => {
        if ((event as { code?: number } | undefined)?.code === TOKEN_REFUSED_CLOSE) refusedToken = sentWith;
      },
    },
  });
  return { link: new GraphQLWsLink(socket), socket };
}
