import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  accessTokenFor,
  articleHtml,
  connectionRefusal,
  execute,
  html,
  provenLive,
  signUp,
  stack,
  startExtraGateway,
  startSite,
  subscribe,
  subscribeLinkUpdated,
  text,
  type FixtureSite,
  type LinkEvent,
  type LinkEvents,
  type TestAccount,
} from '@link-archive/testkit';
import sharp from 'sharp';

const SAVE = 'mutation($url: String!) { saveLink(url: $url) { id status } }';
const FEDERATED = 'id status title owner { handle } thumbnail { url(size: SMALL) blurhash }';

let site: FixtureSite;

beforeAll(async () => {
  const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a7' } })
    .jpeg()
    .toBuffer();
  site = await startSite(
    {
      '/live': html(
        articleHtml({
          title: 'Live through the gateway',
          description: 'Statuses arrive as they happen.',
          image: '/live.jpg',
          body: 'Subscriptions travel from the link subgraph through the gateway, completed by the user and media subgraphs.',
        }),
      ),
      '/live.jpg': text(photo, 'image/jpeg'),
    },
    { port: stack().sitePort },
  );
});
afterAll(() => site.close());

const save = async (owner: TestAccount, path: string) =>
  (await execute<{ saveLink: { id: string } }>(SAVE, { url: site.url(path) }, { token: owner.accessToken }))
    .saveLink.id;

const proveLive = (owner: TestAccount, ...subscriptions: LinkEvents[]): Promise<string> =>
  provenLive(subscriptions, (attempt) => save(owner, `/live?warm-up=${owner.id}&n=${attempt}`));

describe('linkUpdated through the gateway', () => {
  it('delivers each status in order up to READY, then the thumbnail, completed from three subgraphs', async () => {
    const owner = await signUp();
    const events = subscribeLinkUpdated(owner, undefined, FEDERATED);
    try {
      await proveLive(owner, events);
      const id = await save(owner, '/live?main');
      await events.until((e) => e.id === id && e.status === 'READY');
      await events.until((e) => e.id === id && e.thumbnail !== null);
      const mine = events.received.filter((e) => e.id === id);
      const statuses = mine.map((e) => e.status).filter((s, i, all) => s !== all[i - 1]);
      expect(statuses).toEqual(['PENDING', 'CRAWLING', 'TAGGING', 'READY']);
      for (const payload of mine) expect((payload.owner as { handle: string }).handle).toBe(owner.handle);
      const withThumbnail = mine.find((e) => e.thumbnail) as LinkEvent & {
        thumbnail: { url: string; blurhash: string };
      };
      expect(withThumbnail.title).toBe('Live through the gateway');
      expect(withThumbnail.thumbnail.url).toMatch(/^http/);
      expect(withThumbnail.thumbnail.blurhash.length).toBeGreaterThan(6);
      expect(events.errors).toEqual([]);
    } finally {
      await events.close();
    }
  }, 90_000);

  it("sends nothing of one user's links to another user's subscription", async () => {
    const [alice, bob] = [await signUp(), await signUp()];
    const bobs = subscribeLinkUpdated(bob);
    try {
      const bobsLink = await proveLive(bob, bobs);
      const alicesLink = await save(alice, '/live?alice');
      // a later event of Bob's own proves Alice's would have arrived by now
      await execute(
        'mutation($id: ID!) { recrawlLink(id: $id) { id } }',
        { id: bobsLink },
        { token: bob.accessToken },
      );
      await bobs.until((e) => e.id === bobsLink && e.status === 'PENDING');
      await execute(
        `query($id: ID!) { link(id: $id) { id } }`,
        { id: alicesLink },
        { token: alice.accessToken },
      );
      expect(bobs.received.map((e) => e.id)).not.toContain(alicesLink);
    } finally {
      await bobs.close();
    }
  });

  it('shares one upstream subscription between identical subscribers', async () => {
    const owner = await signUp();
    const first = subscribeLinkUpdated(owner, undefined, FEDERATED);
    const second = subscribeLinkUpdated(owner, undefined, FEDERATED);
    try {
      await proveLive(owner, first);
      const before = await gatewayMetric('gateway_subscription_upstreams');
      const third = subscribeLinkUpdated(owner, undefined, FEDERATED);
      const id = await save(owner, '/live?shared');
      await Promise.all([first, second, third].map((s) => s.until((e) => e.id === id)));
      expect(await gatewayMetric('gateway_subscription_upstreams')).toBe(before);
      await third.close();
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});

describe('two gateway processes', () => {
  it('deliver every event once per entitled subscriber, whichever gateway holds the socket', async () => {
    const second = await startExtraGateway({});
    const [owner, other] = [await signUp(), await signUp()];
    const secondUrl = second.url.replace(/^http/, 'ws');
    const onFirst = subscribeLinkUpdated(owner);
    const onSecond = subscribe<LinkEvent>(
      'subscription { linkUpdated { id status } }',
      {},
      { token: owner.accessToken, url: secondUrl, select: (d) => d.linkUpdated as LinkEvent },
    );
    const otherOnSecond = subscribe<LinkEvent>(
      'subscription { linkUpdated { id status } }',
      {},
      { token: other.accessToken, url: secondUrl, select: (d) => d.linkUpdated as LinkEvent },
    );
    try {
      await proveLive(owner, onFirst, onSecond);
      await proveLive(other, otherOnSecond);
      const id = await save(owner, '/live?two-gateways');
      for (const socket of [onFirst, onSecond]) {
        await socket.until((e) => e.id === id && e.status === 'READY');
        const statuses = socket.received.filter((e) => e.id === id && e.status !== null).map((e) => e.status);
        // each status change once: none duplicated by the other gateway
        expect(statuses.filter((s) => s === 'PENDING')).toHaveLength(1);
        expect(statuses.filter((s) => s === 'CRAWLING')).toHaveLength(1);
      }
      expect(otherOnSecond.received.map((e) => e.id)).not.toContain(id);
    } finally {
      await Promise.all([onFirst.close(), onSecond.close(), otherOnSecond.close()]);
      await second.stop();
    }
  }, 90_000);
});

describe('the gateway socket refuses', () => {
  it('a connection without a token, with a forged one and with an expired one', async () => {
    expect((await connectionRefusal(undefined)).code).toBe(4401);
    const forger = await new SignJWT({ sid: 'x', role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('00000000-0000-4000-8000-000000000000')
      .setIssuer('link-archive')
      .setAudience('link-archive-api')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('a guessed secret that is long enough to sign'));
    expect((await connectionRefusal({ authorization: `Bearer ${forger}` })).code).toBe(4403);
    const user = await signUp();
    const expired = await accessTokenFor(user.id, -60, -3600);
    expect((await connectionRefusal({ authorization: `Bearer ${expired}` })).code).toBe(4403);
  });

  it('a browser origin that is not allowed', async () => {
    const user = await signUp();
    const refusal = await connectionRefusal(
      { authorization: `Bearer ${user.accessToken}` },
      { origin: 'https://evil.example' },
    );
    expect(refusal.code).not.toBe(1000);
    expect(refusal.code).toBeLessThan(4000); // refused at the upgrade: no graphql-ws session at all
  });

  it('operations over the limits, like HTTP', async () => {
    const user = await signUp();
    let selection = 'id';
    for (let i = 0; i < 8; i++) selection = `owner { links { edges { node { ${selection} } } } }`;
    const deep = subscribe(`subscription { linkUpdated { ${selection} } }`, {}, { token: user.accessToken });
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: me { id }`).join(' ');
    const wide = subscribe(`query { ${aliases} }`, {}, { token: user.accessToken });
    try {
      await Promise.all([deep.ended, wide.ended]);
      expect(deep.errors.map((e) => e.message).join('\n')).toMatch(/depth/i);
      expect(wide.errors.map((e) => e.message).join('\n')).toMatch(/alias/i);
      expect(deep.received).toEqual([]);
      expect(wide.received).toEqual([]);
    } finally {
      await Promise.all([deep.close(), wide.close()]);
    }
  });
});

describe('the gateway socket', () => {
  it('answers queries and mutations as HTTP does', async () => {
    const user = await signUp();
    const me = subscribe<{ me: { handle: string } }>('{ me { handle } }', {}, { token: user.accessToken });
    try {
      await me.ended;
      expect(me.received).toEqual([{ me: { handle: user.handle } }]);
    } finally {
      await me.close();
    }
  });

  it('closes with 4403 when the access token expires', async () => {
    const user = await signUp();
    const shortLived = await accessTokenFor(user.id, 2);
    const events = subscribe('subscription { linkUpdated { id } }', {}, { token: shortLived });
    try {
      await events.ready;
      const closed = await events.closed;
      expect(closed.code).toBe(4403);
      expect(closed.reason).toMatch(/expired/);
    } finally {
      await events.close();
    }
  });

  it('closes with 4403 when the session is signed out', async () => {
    const user = await signUp();
    const events = subscribeLinkUpdated(user);
    try {
      await proveLive(user, events);
      await execute('mutation($t: String!) { signOut(refreshToken: $t) }', { t: user.refreshToken });
      expect((await events.closed).code).toBe(4403);
    } finally {
      await events.close();
    }
  });
});

async function gatewayMetric(name: string): Promise<number> {
  const body = await (await fetch(new URL('/metrics', stack().gatewayUrl))).text();
  const line = body.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return Number(line?.split(' ').at(-1) ?? 0);
}

describe('the Playground protocol (subscriptions-transport-ws)', () => {
  /** A raw legacy-protocol socket, as GraphQL Playground opens one. */
  async function legacySocket(connectionParams: Record<string, unknown>) {
    const { default: WebSocket } = await import('ws');
    const ws = new WebSocket(stack().gatewayUrl.replace(/^http/, 'ws'), 'graphql-ws');
    const messages: { type: string; id?: string; payload?: unknown }[] = [];
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send(JSON.stringify({ type: 'connection_init', payload: connectionParams }));
    const next = async (match: (m: (typeof messages)[number]) => boolean) => {
      await vi.waitFor(() => expect(messages.some(match)).toBe(true), { timeout: 20_000, interval: 20 });
      return messages.find(match)!;
    };
    return { ws, messages, closed, next, send: (m: object) => ws.send(JSON.stringify(m)) };
  }

  it('runs queries and subscriptions with the same authentication', async () => {
    const user = await signUp();
    const socket = await legacySocket({ Authorization: `Bearer ${user.accessToken}` });
    try {
      await socket.next((m) => m.type === 'connection_ack');
      socket.send({ id: 'q', type: 'start', payload: { query: '{ me { handle } }' } });
      expect((await socket.next((m) => m.id === 'q' && m.type === 'data')).payload).toEqual({
        data: { me: { handle: user.handle } },
      });
      await socket.next((m) => m.id === 'q' && m.type === 'complete');
      socket.send({
        id: 's',
        type: 'start',
        payload: { query: 'subscription { linkUpdated { id status } }' },
      });
      // the subscription registers upstream asynchronously: keep saving until one arrives
      await vi.waitFor(
        async () => {
          await save(user, `/live?legacy=${Math.random()}`);
          expect(socket.messages.some((m) => m.id === 's' && m.type === 'data')).toBe(true);
        },
        { timeout: 20_000, interval: 500 },
      );
      socket.send({ id: 'bad', type: 'start', payload: { query: '{ me { handel } }' } });
      expect((await socket.next((m) => m.id === 'bad')).type).toBe('error');
    } finally {
      socket.ws.close();
    }
  });

  it('refuses a forged token', async () => {
    const socket = await legacySocket({ Authorization: 'Bearer not-a-token' });
    await socket.next((m) => m.type === 'connection_error');
    expect(await socket.closed).toBe(4403);
  });

  it('points the Playground page at this socket, with nothing loaded from elsewhere', async () => {
    const page = await (await fetch(stack().gatewayUrl, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('/playground/playground.js');
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
    const init = await (await fetch(new URL('/playground/playground-init.js', stack().gatewayUrl))).text();
    expect(init).toContain("location.protocol === 'https:' ? 'wss://' : 'ws://'");
  });
});
