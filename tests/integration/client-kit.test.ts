import {
  createLinkArchiveClient,
  memoryStorage,
  DeleteLinkDocument,
  LinkUpdatedDocument,
  MyLinksDocument,
  SignUpDocument,
  ViewerDocument,
  type KeyValueStorage,
  type LinkArchiveClient,
} from '@link-archive/client';
import { accessTokenFor, firstCode, gql, randomIp, stack, uniqueHandle } from '@link-archive/testkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';

/** What the kit sent: each request's operation name and whether it carried the query text or only its hash. */
interface Sent {
  operationName: string;
  withQuery: boolean;
  hashed: boolean;
  authorization: string | null;
}

interface TestKit extends LinkArchiveClient {
  sent: Sent[];
  /** While true, requests fail as if the device were offline. */
  offline: { value: boolean };
  /** While true, requests get no answer until they are aborted. */
  stalled: { value: boolean };
  /** Requests of this operation reach the server but their answer is lost, this many times. */
  loseAnswers: { operationName: string; times: number };
  signedOut: { value: boolean };
}

const kits: TestKit[] = [];
afterEach(async () => {
  await Promise.all(kits.splice(0).map((kit) => kit.dispose()));
});

interface KitOptions {
  storage?: KeyValueStorage;
  refreshMarginMs?: number;
  onReconnected?: () => void;
  rejected?: string[];
  /** ids of the links the outbox saved */
  saved?: string[];
  requestTimeoutMs?: number;
}

function kit(options: KitOptions = {}) {
  const sent: Sent[] = [];
  const offline = { value: false };
  const stalled = { value: false };
  const loseAnswers = { operationName: '', times: 0 };
  const signedOut = { value: false };
  const ip = randomIp();
  const recordingFetch: typeof fetch = async (input, init) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as {
      operationName?: string;
      query?: string;
      extensions?: { persistedQuery?: unknown };
    };
    const headers = new Headers(init?.headers);
    sent.push({
      operationName: body.operationName ?? '',
      withQuery: typeof body.query === 'string',
      hashed: !!body.extensions?.persistedQuery,
      authorization: headers.get('authorization'),
    });
    if (offline.value) throw new TypeError('fetch failed (offline)');
    if (stalled.value)
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      });
    headers.set('x-forwarded-for', ip);
    const response = await fetch(input, { ...init, headers });
    if (loseAnswers.times > 0 && body.operationName === loseAnswers.operationName) {
      loseAnswers.times -= 1;
      await response.text();
      throw new TypeError('fetch failed (the answer was lost)');
    }
    return response;
  };
  const created: TestKit = {
    ...createLinkArchiveClient({
      httpUrl: stack().gatewayUrl,
      fetch: recordingFetch,
      webSocketImpl: WebSocket,
      storage: options.storage,
      refreshMarginMs: options.refreshMarginMs,
      onReconnected: options.onReconnected,
      requestTimeoutMs: options.requestTimeoutMs,
      onSignedOut: () => (signedOut.value = true),
      outbox: {
        onSaved: (_entry, link) => options.saved?.push(link.id),
        onRejected: (_entry, error) =>
          options.rejected?.push(
            String(
              (error as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code,
            ),
          ),
      },
    }),
    sent,
    offline,
    stalled,
    loseAnswers,
    signedOut,
  };
  kits.push(created);
  return created;
}

/** Signs up through the kit and keeps the session; returns the account's id. */
async function signUpWith(app: TestKit): Promise<string> {
  const handle = uniqueHandle();
  const { data } = await app.client.mutate({
    mutation: SignUpDocument,
    variables: { email: `${handle}@example.test`, password: `pw-${handle}-long-enough`, handle },
  });
  const auth = data!.signUp;
  await app.session.set(auth);
  return auth.user.id;
}

const saveUrl = (n: string) => `https://kit-${n}.example.test/${Math.random().toString(36).slice(2)}`;

describe('the client kit', () => {
  it('sends operations as persisted-query hashes, in full only the first time the gateway sees them', async () => {
    const first = kit();
    await signUpWith(first);
    const { data } = await first.client.query({ query: ViewerDocument, fetchPolicy: 'network-only' });
    expect(data?.me?.handle).toBeTruthy();
    const viewer = first.sent.filter((s) => s.operationName === 'Viewer');
    // the hash alone may be new to this gateway (another test may have registered it): then once more in full
    expect(viewer[0]).toMatchObject({ hashed: true, withQuery: false });
    expect(viewer.length).toBeLessThanOrEqual(2);
    const second = kit();
    await signUpWith(second);
    await second.client.query({ query: ViewerDocument, fetchPolicy: 'network-only' });
    expect(second.sent.filter((s) => s.operationName === 'Viewer')).toEqual([
      expect.objectContaining({ hashed: true, withQuery: false }),
    ]);
  });

  it('merges connection pages on after in the cache', async () => {
    const app = kit();
    await signUpWith(app);
    for (const n of ['a', 'b', 'c']) await app.outbox.enqueue({ url: saveUrl(n) });
    expect(await app.outbox.flush()).toEqual({ saved: 3, rejected: 0, pending: 0 });
    const page = await app.client.query({ query: MyLinksDocument, variables: { first: 2 } });
    expect(page.data!.links.edges).toHaveLength(2);
    const watched = app.client.watchQuery({ query: MyLinksDocument, variables: { first: 2 } });
    await watched.fetchMore({ variables: { first: 2, after: page.data!.links.pageInfo.endCursor } });
    const merged = app.client.readQuery({ query: MyLinksDocument, variables: { first: 2 } })!.links;
    expect(merged.edges.map((e) => e.node.url)).toHaveLength(3);
    expect(new Set(merged.edges.map((e) => e.node.id)).size).toBe(3);
    expect(merged.pageInfo.hasNextPage).toBe(false);
  });

  it('refreshes a refused access token once for concurrent operations and sends them again', async () => {
    const app = kit();
    const userId = await signUpWith(app);
    const tokens = (await app.session.current())!;
    // a token the gateway refuses (expired a minute ago) that the kit still believes valid
    const stale = await accessTokenFor(userId, -60, -3600);
    await app.session.set({ ...tokens, accessToken: stale });
    const answers = await Promise.all(
      // three requests on the wire (Apollo would otherwise send identical queries in flight once)
      [1, 2, 3].map(() =>
        app.client.query({
          query: ViewerDocument,
          fetchPolicy: 'network-only',
          context: { queryDeduplication: false },
        }),
      ),
    );
    expect(answers.map((a) => a.data?.me?.id)).toEqual([userId, userId, userId]);
    expect(
      app.sent.filter((s) => s.operationName === 'Viewer' && s.authorization === `Bearer ${stale}`),
    ).toHaveLength(3);
    expect(app.sent.filter((s) => s.operationName === 'RefreshSession')).toHaveLength(1);
    const renewed = (await app.session.current())!;
    expect(renewed.accessToken).not.toBe(stale);
    expect(renewed.refreshToken).not.toBe(tokens.refreshToken);
  });

  it('signs out when the refresh token is refused, and the operation fails UNAUTHENTICATED', async () => {
    const app = kit();
    const userId = await signUpWith(app);
    await app.session.set({
      accessToken: await accessTokenFor(userId, -60, -3600),
      refreshToken: 'not-a-refresh-token',
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
    });
    const failed = await app.client
      .query({ query: ViewerDocument, fetchPolicy: 'network-only' })
      .catch((error: Error) => error);
    expect(failed).toBeInstanceOf(Error);
    expect(app.signedOut.value).toBe(true);
    expect(await app.session.current()).toBeNull();
  });

  it('keeps a subscription going when its access token expires mid-subscription', async () => {
    let reconnected = 0;
    const saved: string[] = [];
    const app = kit({ refreshMarginMs: 0, onReconnected: () => (reconnected += 1), saved });
    const userId = await signUpWith(app);
    const tokens = (await app.session.current())!;
    // valid for 3 s: the gateway closes the socket with 4403 then; the kit refreshes and subscribes again
    await app.session.set({
      ...tokens,
      accessToken: await accessTokenFor(userId, 3),
      expiresAt: new Date(Date.now() + 3_000).toISOString(),
    });
    const events: { id: string; status: string }[] = [];
    const subscription = app.client.subscribe({ query: LinkUpdatedDocument }).subscribe({
      next: (result) => result.data && events.push(result.data.linkUpdated),
    });
    try {
      await vi.waitFor(() => expect(reconnected).toBe(1), { timeout: 15_000, interval: 100 });
      expect((await app.session.current())!.refreshToken).not.toBe(tokens.refreshToken);
      await app.outbox.enqueue({ url: saveUrl('live') });
      expect(await app.outbox.flush()).toMatchObject({ saved: 1 });
      // the link saved after the reconnect reaches the subscription opened before the token expired
      await vi.waitFor(() => expect(events.map((e) => e.id)).toContain(saved[0]), {
        timeout: 10_000,
        interval: 100,
      });
    } finally {
      subscription.unsubscribe();
    }
  });

  it('gives up on a request that gets no answer within its time limit', async () => {
    const app = kit({ requestTimeoutMs: 300 });
    await signUpWith(app);
    app.stalled.value = true;
    const started = Date.now();
    const failed = await app.client
      .query({ query: ViewerDocument, fetchPolicy: 'network-only' })
      .catch((error: Error) => error);
    expect(failed).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('ends a subscription with an error when there is no session, instead of retrying', async () => {
    const app = kit();
    const failure = new Promise<unknown>((resolve) => {
      app.client.subscribe({ query: LinkUpdatedDocument }).subscribe({
        next: (result) => result.error && resolve(result.error),
        error: resolve,
      });
    });
    expect(String(await failure)).toMatch(/Signed out/);
  });

  it('holds saves while offline and sends them in order when back, across a restart', async () => {
    const storage = memoryStorage();
    const before = kit({ storage });
    await signUpWith(before);
    before.offline.value = true;
    const urls = [saveUrl('offline-1'), saveUrl('offline-2')];
    for (const url of urls) await before.outbox.enqueue({ url, note: 'saved on a train' });
    expect(await before.outbox.flush()).toEqual({ saved: 0, rejected: 0, pending: 2 });
    // the app restarts: a new client on the same storage has the session and the outbox
    const after = kit({ storage });
    expect(await after.outbox.pending()).toHaveLength(2);
    expect(await after.outbox.flush()).toEqual({ saved: 2, rejected: 0, pending: 0 });
    const { data } = await after.client.query({ query: MyLinksDocument, variables: { first: 10 } });
    // newest first: the second save was made after the first
    expect(data!.links.edges.map((e) => e.node.url)).toEqual([...urls].reverse());
  });

  it('never saves twice when a save is retried after its answer was lost', async () => {
    const rejected: string[] = [];
    const app = kit({ rejected });
    await signUpWith(app);
    const url = saveUrl('lost');
    app.loseAnswers.operationName = 'OutboxSaveLink';
    app.loseAnswers.times = 1;
    await app.outbox.enqueue({ url });
    // saved on the server, answer lost: still pending, with the same request id
    expect(await app.outbox.flush()).toMatchObject({ saved: 0, pending: 1 });
    const { data } = await app.client.query({
      query: MyLinksDocument,
      variables: { first: 10 },
      fetchPolicy: 'network-only',
    });
    const saved = data!.links.edges.map((e) => e.node);
    expect(saved.map((l) => l.url)).toEqual([url]);
    // deleted before the retry arrives: the retry does not bring it back
    await app.client.mutate({ mutation: DeleteLinkDocument, variables: { id: saved[0]!.id } });
    expect(await app.outbox.flush()).toEqual({ saved: 0, rejected: 1, pending: 0 });
    const after = await app.client.query({
      query: MyLinksDocument,
      variables: { first: 10 },
      fetchPolicy: 'network-only',
    });
    expect(after.data!.links.edges).toEqual([]);
    expect(rejected).toEqual(['NOT_FOUND']);
  });

  it('refuses a malformed clientRequestId by name', async () => {
    const app = kit();
    await signUpWith(app);
    const token = (await app.session.current())!.accessToken;
    const answer = await gql(
      'mutation($url: String!, $id: ID!) { saveLink(url: $url, clientRequestId: $id) { id } }',
      { url: saveUrl('bad-id'), id: 'short' },
      { token },
    );
    expect(firstCode(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.extensions?.field ?? answer.errors?.[0]?.message).toMatch(/clientRequestId/);
  });
});
