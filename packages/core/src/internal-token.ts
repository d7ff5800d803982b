import { SignJWT, jwtVerify } from 'jose';
import type { ForwardedIdentity } from './viewer';

/**
 * The gateway's credential towards subgraphs: a short-lived HS256 token carrying the identity it
 * established. A subgraph accepts nothing else, so a client talking to it directly gets nowhere.
 */
export const INTERNAL_TOKEN_HEADER = 'x-gateway-token';
const AUDIENCE = 'link-archive-subgraphs';
const ISSUER = 'link-archive-gateway';

const keyOf = (secret: string) => new TextEncoder().encode(secret);

export async function signInternalToken(secret: string, identity: ForwardedIdentity): Promise<string> {
  return new SignJWT({ id: identity })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(keyOf(secret));
}

export async function verifyInternalToken(secret: string, token: string): Promise<ForwardedIdentity> {
  const { payload } = await jwtVerify(token, keyOf(secret), {
    algorithms: ['HS256'],
    audience: AUDIENCE,
    issuer: ISSUER,
  });
  return payload.id as ForwardedIdentity;
}
