import { importPKCS8, SignJWT } from 'jose';
import { stack } from './client';

/**
 * An access token as the user subgraph signs them (the stack's key), for `userId`, valid from `fromSeconds` to
 * `untilSeconds` relative to now: a token that expires while a test runs, or one already expired. Its session id
 * is made up, so no sign-out revokes it.
 */
export async function accessTokenFor(
  userId: string,
  untilSeconds: number,
  fromSeconds = 0,
  sessionId = `test-${userId}`,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sid: sessionId, role: 'USER', plan: 'FREE' })
    .setProtectedHeader({ alg: 'EdDSA' })
    .setSubject(userId)
    .setIssuer('link-archive')
    .setAudience('link-archive-api')
    .setIssuedAt(now + fromSeconds)
    .setExpirationTime(now + untilSeconds)
    .sign(await importPKCS8(stack().secrets.jwtPrivateKey, 'EdDSA'));
}
