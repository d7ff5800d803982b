import { signInternalToken, type ForwardedIdentity } from '@link-archive/core';

export interface GatewayContext {
  identity: ForwardedIdentity;
  /** Signed once per request and reused for every subgraph fetch. */
  internalToken: () => Promise<string>;
}

export function createContext(identity: ForwardedIdentity, secret: string): GatewayContext {
  let token: Promise<string> | undefined;
  return { identity, internalToken: () => (token ??= signInternalToken(secret, identity)) };
}
