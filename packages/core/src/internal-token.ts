import { createSecretKey, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import type { ForwardedIdentity } from './viewer';

/**
 * The gateway's credential towards subgraphs: a short-lived HS256 token carrying the identity it
 * established. A subgraph accepts nothing else, so a client talking to it directly gets nowhere.
 * The request id travels beside it in x-request-id: it correlates logs and grants nothing.
 */
export const INTERNAL_TOKEN_HEADER = 'x-gateway-token';
export const REQUEST_ID_HEADER = 'x-request-id';
export type SignedIdentity = Omit<ForwardedIdentity, 'requestId'>;
/**
 * On the gateway's own WebSocket to a subgraph (its connection_init carries the signed token), each
 * subscription names the identity it runs as under this extension key.
 */
export const SUBSCRIPTION_IDENTITY = 'identity';
/**
 * A subscription event a subgraph marks with this extension set to 'public' may be received in full by every
 * subscriber of its operation: the gateway completes it once for all of them.
 */
export const LIVE_AUDIENCE_EXTENSION = 'audience';

const AUDIENCE = 'link-archive-subgraphs';
const ISSUER = 'link-archive-gateway';
const LIFETIME_SECONDS = 60;
// a token is reused for the same identity while it has at least this long to live
const REUSE_SECONDS = 30;

// a KeyObject made once per secret: jose would otherwise import raw key bytes on every call
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

const signed = new LRUCache<string, Promise<string>>({ max: 10_000, ttl: REUSE_SECONDS * 1000 });
const verified = new LRUCache<string, { identity: SignedIdentity; key: KeyObject }>({ max: 10_000 });

/** Signs (or reuses, for up to 30 s) the credential for one identity. */
export function signInternalToken(secret: string, identity: SignedIdentity): Promise<string> {
  const { viewer, partnerKeyId, clientIp } = identity;
  const cacheKey = JSON.stringify([secret, viewer, partnerKeyId, clientIp]);
  let token = signed.get(cacheKey);
  if (!token) {
    token = new SignJWT({ id: { viewer, partnerKeyId, clientIp } })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${LIFETIME_SECONDS}s`)
      .sign(keyOf(secret));
    signed.set(cacheKey, token);
    token.catch(() => signed.delete(cacheKey));
  }
  return token;
}

/** Verifies a credential; a token seen before is trusted from memory until it expires. */
export async function verifyInternalToken(secret: string, token: string): Promise<SignedIdentity> {
  const key = keyOf(secret);
  const cached = verified.get(token);
  if (cached?.key === key) return cached.identity;
  const { payload } = await jwtVerify(token, key, {
    algorithms: ['HS256'],
    audience: AUDIENCE,
    issuer: ISSUER,
  });
  const identity = payload.id as SignedIdentity;
  verified.set(token, { identity, key }, { ttl: Math.max(1, payload.exp! * 1000 - Date.now()) });
  return identity;
}
