import { signUp, stack, startExtraGateway } from '@link-archive/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

const ADMIN = 'https://admin.example.com';
const ELSEWHERE = 'https://elsewhere.example.com';

/** A browser's preflight for a POST with a bearer token from `origin`. */
const preflight = (url: string, origin: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  });

const post = (url: string, origin: string, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: {
      origin,
      'content-type': 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query: '{ me { id } }' }),
  });

/** Whether a WebSocket from `origin` is let through the upgrade. */
const socketOpens = (url: string, origin: string) =>
  new Promise<boolean>((resolve) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', { origin });
    ws.once('open', () => {
      ws.close();
      resolve(true);
    });
    ws.once('unexpected-response', () => resolve(false));
    ws.once('error', () => resolve(false));
  });

describe('CORS_ORIGINS', () => {
  let gateway: Awaited<ReturnType<typeof startExtraGateway>>;
  beforeAll(async () => {
    gateway = await startExtraGateway({ CORS_ORIGINS: `${ADMIN}/, http://localhost:5173` });
  });
  afterAll(() => gateway.stop());

  it('lets the listed origins call with a bearer token, without credentials, and nobody else', async () => {
    const allowed = await preflight(gateway.url, ADMIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ADMIN);
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();

    const account = await signUp();
    const answered = await post(gateway.url, ADMIN, account.accessToken);
    expect(answered.status).toBe(200);
    expect(answered.headers.get('access-control-allow-origin')).toBe(ADMIN);
    expect(answered.headers.get('vary')?.toLowerCase()).toContain('origin');
    expect(((await answered.json()) as { data: { me: { id: string } } }).data.me.id).toBe(account.id);

    const refused = await preflight(gateway.url, ELSEWHERE);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const unlisted = await post(gateway.url, ELSEWHERE, account.accessToken);
    expect(unlisted.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the listed origins open sockets too', async () => {
    expect(await socketOpens(gateway.url, 'http://localhost:5173')).toBe(true);
    expect(await socketOpens(gateway.url, ELSEWHERE)).toBe(false);
  });

  it('sends no CORS headers when no origin is listed (the default)', async () => {
    const answer = await preflight(stack().gatewayUrl, ADMIN);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows credentials only when asked for, and never for any origin', async () => {
    const withCredentials = await startExtraGateway({ CORS_ORIGINS: ADMIN, CORS_CREDENTIALS: 'true' });
    try {
      const answer = await preflight(withCredentials.url, ADMIN);
      expect(answer.headers.get('access-control-allow-credentials')).toBe('true');
    } finally {
      await withCredentials.stop();
    }
    await expect(startExtraGateway({ CORS_ORIGINS: '*', CORS_CREDENTIALS: 'true' })).rejects.toThrow(
      /exited/,
    );
    await expect(startExtraGateway({ CORS_ORIGINS: 'admin.example.com/path' })).rejects.toThrow(/exited/);
  });
});
