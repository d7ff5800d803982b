import { generateKeyPairSync } from 'node:crypto';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@link-archive/core';
import { gql, signUp, stack } from '@link-archive/testkit';
import { SignJWT, importPKCS8 } from 'jose';
import { describe, expect, it } from 'vitest';

const ME = '{ me { id } }';
const claims = (sub: string) => ({
  role: 'ADMIN',
  plan: 'ENTERPRISE',
  anon: false,
  sid: crypto.randomUUID(),
  sub,
});
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function signed(pem: string, options: { exp?: number; alg?: string } = {}, sub = crypto.randomUUID()) {
  const jwt = new SignJWT(claims(sub))
    .setProtectedHeader({ alg: options.alg ?? 'EdDSA' })
    .setIssuer('link-archive')
    .setAudience('link-archive-api')
    .setIssuedAt()
    .setExpirationTime(options.exp ?? '15m');
  return jwt.sign(await importPKCS8(pem, 'EdDSA'));
}

async function expectRefused(token: string) {
  const res = await gql(ME, {}, { token });
  expect(res.status).toBe(401);
  expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(res.data).toBeUndefined();
}

describe('access tokens at the gateway', () => {
  it('accepts a token minted by the user subgraph', async () => {
    const account = await signUp();
    const res = await gql<{ me: { id: string } }>(ME, {}, { token: account.accessToken });
    expect(res.status).toBe(200);
    expect(res.data?.me.id).toBe(account.id);
  });

  it('refuses a token signed by another key, never treating it as anonymous', async () => {
    const other = generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    await expectRefused(await signed(other));
  });

  it('refuses an expired token signed by the right key', async () => {
    await expectRefused(
      await signed(stack().secrets.jwtPrivateKey, { exp: Math.floor(Date.now() / 1000) - 60 }),
    );
  });

  it('refuses alg "none" and an HS256 token keyed with the public key', async () => {
    const payload = {
      ...claims(crypto.randomUUID()),
      iss: 'link-archive',
      aud: 'link-archive-api',
      exp: 4102444800,
    };
    await expectRefused(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`);
    const hs = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(stack().secrets.jwtPublicKey));
    await expectRefused(hs);
  });

  it('refuses a tampered payload and a malformed header', async () => {
    const account = await signUp();
    const [h, , s] = account.accessToken.split('.');
    await expectRefused(
      `${h}.${b64({ ...claims(account.id), iss: 'link-archive', aud: 'link-archive-api' })}.${s}`,
    );
    const res = await gql(ME, {}, { headers: { authorization: 'Basic abc' } });
    expect(res.status).toBe(401);
  });
});

describe('subgraphs trust only the gateway', () => {
  type Body = { data: { me: unknown }; errors: { extensions: { code: string } }[] };
  const post = (url: string, headers: Record<string, string>) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ me { id handle } }' }),
    });

  it('refuses a request without the gateway credential, whatever identity headers it carries', async () => {
    const account = await signUp();
    for (const url of Object.values(stack().subgraphUrls)) {
      const res = await post(url, {
        authorization: `Bearer ${account.accessToken}`,
        'x-user-id': account.id,
        'x-user-role': 'ADMIN',
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as Body).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a gateway credential signed with another secret', async () => {
    const forged = await signInternalToken('x'.repeat(40), {
      viewer: { userId: crypto.randomUUID(), role: 'ADMIN', plan: 'FREE', anonymous: false, sessionId: 's' },
      partnerKeyId: null,
      clientIp: '127.0.0.1',
    });
    const res = await post(stack().subgraphUrls.user, { [INTERNAL_TOKEN_HEADER]: forged });
    expect(res.status).toBe(401);
  });

  it('answers the gateway credential', async () => {
    const account = await signUp();
    const token = await signInternalToken(stack().secrets.gatewaySecret, {
      viewer: { userId: account.id, role: 'USER', plan: 'FREE', anonymous: false, sessionId: 's' },
      partnerKeyId: null,
      clientIp: '127.0.0.1',
    });
    const res = await post(stack().subgraphUrls.user, { [INTERNAL_TOKEN_HEADER]: token });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Body).data.me).toEqual({ id: account.id, handle: account.handle });
  });
});
