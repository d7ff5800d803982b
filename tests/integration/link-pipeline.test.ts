import { linkUpdated, liveChannel, type DomainEvent, type PayloadOf } from '@link-archive/events';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  articleHtml,
  execute,
  html,
  signUp,
  stack,
  startSite,
  provenLive as provenLiveFor,
  subscribeLinkUpdated,
  text,
  type FixtureSite,
  type LinkEvents,
  type TestAccount,
} from '@link-archive/testkit';

const SAVE = 'mutation($url: String!, $v: Visibility) { saveLink(url: $url, visibility: $v) { id status } }';
const CARD = `query($id: ID!) {
  link(id: $id) {
    id status error title description siteName imageUrl faviconUrl author publishedAt language excerpt
    tags { name source }
    thumbnail { status width height blurhash small: url(size: SMALL) medium: url(size: MEDIUM)
                large: url(size: LARGE) original: url(size: ORIGINAL) }
  }
}`;

interface Card {
  status: string;
  error: string | null;
  title: string | null;
  description: string | null;
  siteName: string | null;
  imageUrl: string | null;
  faviconUrl: string | null;
  author: string | null;
  publishedAt: string | null;
  language: string | null;
  tags: { name: string; source: string }[];
  thumbnail: {
    status: string;
    width: number;
    height: number;
    blurhash: string;
    small: string;
    medium: string;
    large: string;
    original: string | null;
  } | null;
}

const save = async (owner: TestAccount, url: string, visibility?: string) =>
  (
    await execute<{ saveLink: { id: string; status: string } }>(
      SAVE,
      { url, v: visibility },
      { token: owner.accessToken },
    )
  ).saveLink;

const card = async (id: string, account: TestAccount) =>
  (await execute<{ link: Card }>(CARD, { id }, { token: account.accessToken })).link;

async function waitForCard(id: string, account: TestAccount, done: (c: Card) => boolean): Promise<Card> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const current = await card(id, account);
    if (done(current)) return current;
    if (Date.now() > deadline) throw new Error(`link never got there: ${JSON.stringify(current)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

let site: FixtureSite;
let photo: Buffer;
let icon: Buffer;

beforeAll(async () => {
  photo = await sharp({
    create: { width: 1200, height: 800, channels: 3, background: { r: 200, g: 80, b: 40 } },
  })
    .jpeg()
    .toBuffer();
  icon = await sharp({
    create: { width: 48, height: 48, channels: 4, background: { r: 20, g: 90, b: 200, alpha: 1 } },
  })
    .png()
    .toBuffer();
  site = await startSite(
    {
      '/article': html(
        articleHtml({
          title: 'Kimchi fermentation at home',
          description: 'How cabbage, salt and time make kimchi.',
          image: '/photo.jpg',
          body: 'Fermentation turns napa cabbage into kimchi. Salt the cabbage, rinse it, and mix it with chili paste, garlic and ginger. Kimchi fermentation takes days at room temperature and weeks in the fridge.',
        }),
      ),
      '/photo.jpg': text(photo, 'image/jpeg'),
      '/favicon.png': text(icon, 'image/png'),
    },
    { port: stack().sitePort },
  );
});

afterAll(() => site.close());

describe('the link pipeline through the gateway', () => {
  it('turns a saved URL into a READY card with tags and three thumbnail sizes, announcing each status', async () => {
    const owner = await signUp();
    const events = await subscribeLinkUpdated(owner);
    const published = await publishedEvents();
    await events.ready;
    try {
      await provenLive(events, owner);
      const saved = await save(owner, site.url('/article'), 'PUBLIC');
      expect(saved.status).toBe('PENDING');

      const ready = await waitForCard(saved.id, owner, (c) => c.status === 'READY' && c.thumbnail !== null);
      expect(ready).toMatchObject({
        error: null,
        title: 'Kimchi fermentation at home',
        description: 'How cabbage, salt and time make kimchi.',
        siteName: 'Fixture Times',
        imageUrl: site.url('/photo.jpg'),
        author: 'Ada Writer',
        publishedAt: '2026-05-01T10:00:00.000Z',
        language: 'en',
      });
      expect(ready.tags.length).toBeGreaterThanOrEqual(3);
      expect(ready.tags.every((t) => t.source === 'HEURISTIC')).toBe(true);
      expect(ready.tags.map((t) => t.name)).toContain('kimchi');

      const thumb = ready.thumbnail!;
      expect(thumb).toMatchObject({ status: 'READY', width: 1200, height: 800 });
      expect(thumb.blurhash.length).toBeGreaterThan(6);
      for (const [url, side] of [
        [thumb.small, 150],
        [thumb.medium, 300],
        [thumb.large, 600],
      ] as const) {
        const res = await fetch(url);
        expect(res.status).toBe(200);
        const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
        expect(meta.format).toBe('webp');
        expect(Math.max(meta.width!, meta.height!)).toBe(side);
      }
      // the original is private: a signed URL for the owner only
      expect(thumb.original).toMatch(/X-Amz-Signature=/);
      const original = await fetch(thumb.original!);
      expect(Buffer.from(await original.arrayBuffer()).equals(photo)).toBe(true);
      const stranger = await signUp();
      expect((await card(saved.id, stranger)).thumbnail).toMatchObject({ original: null });

      // the site's icon is fetched and served from the media store as a 64 px PNG, never hot-linked
      const withIcon = await waitForCard(saved.id, owner, (c) => c.faviconUrl !== null);
      expect(withIcon.faviconUrl).not.toContain(site.origin);
      const served = await fetch(withIcon.faviconUrl!);
      expect(served.headers.get('content-type')).toBe('image/png');
      expect(await sharp(Buffer.from(await served.arrayBuffer())).metadata()).toMatchObject({
        format: 'png',
        width: 64,
        height: 64,
      });

      // every status change is published, in order (the thumbnail is media.ready: the subscription test's)
      const announced = () => published.received.filter((e) => e.linkId === saved.id);
      // the row changes before its event is published: wait for READY's event
      await eventually(() => announced().some((e) => e.status === 'READY'));
      expect(dedupe(announced().flatMap((e) => (e.status ? [e.status] : [])))).toEqual([
        'PENDING',
        'CRAWLING',
        'TAGGING',
        'READY',
      ]);
      // the subscription sends one payload per event with the status that event made, in order
      const delivered = () => events.received.filter((e) => e.id === saved.id);
      await events.until((e) => e.id === saved.id && e.status === 'READY');
      expect(dedupe(delivered().map((e) => e.status))).toEqual(PIPELINE_ORDER);
    } finally {
      await events.close();
      published.close();
    }
  });

  it("never tells one owner about another owner's links", async () => {
    const [alice, bob] = [await signUp(), await signUp()];
    const bobsEvents = await subscribeLinkUpdated(bob);
    await bobsEvents.ready;
    try {
      const bobsLink = await provenLive(bobsEvents, bob);
      const saved = await save(alice, site.url('/article?alice'));
      await waitForCard(saved.id, alice, (c) => c.status === 'READY');
      expect(bobsEvents.received.length).toBeGreaterThan(0);
      expect(bobsEvents.received.every((e) => e.id === bobsLink)).toBe(true);
    } finally {
      await bobsEvents.close();
    }
  });

  it('skips an event for a link deleted meanwhile instead of sending an error', async () => {
    const owner = await signUp();
    const events = await subscribeLinkUpdated(owner);
    const redis = new Redis(stack().redisUrl);
    await events.ready;
    try {
      const live = await provenLive(events, owner);
      const doomed = await save(owner, site.url('/article?doomed'));
      // its own pipeline's events are all delivered before it is deleted
      await events.until((e) => e.id === doomed.id && e.status === 'READY');
      await execute(
        'mutation($id: ID!) { deleteLink(id: $id) }',
        { id: doomed.id },
        { token: owner.accessToken },
      );
      const before = events.received.length;
      // what the relay would publish for a worker still busy with the link, then for a link that still exists
      await publishLive(redis, {
        linkId: doomed.id,
        ownerId: owner.id,
        status: 'READY',
        visibility: 'PRIVATE',
        tags: [],
      });
      await publishLive(redis, {
        linkId: live,
        ownerId: owner.id,
        status: null,
        visibility: 'PRIVATE',
        tags: [],
      });
      await events.until((e) => e.id === live && events.received.indexOf(e) >= before);
      expect(events.received.slice(before).map((e) => e.id)).not.toContain(doomed.id);
      expect(events.errors).toEqual([]);
    } finally {
      redis.disconnect();
      await events.close();
    }
  });
});

const PIPELINE_ORDER = ['PENDING', 'CRAWLING', 'TAGGING', 'READY'];

type LinkUpdated = PayloadOf<typeof linkUpdated>;

/** link.updated as the relay publishes it live, on Redis itself: SUBSCRIBE is acknowledged before it resolves. */
async function publishedEvents() {
  const subscriber = new Redis(stack().redisUrl);
  const received: LinkUpdated[] = [];
  subscriber.on('message', (_channel: string, message: string) =>
    received.push(linkUpdated.payload.parse((JSON.parse(message) as DomainEvent).payload)),
  );
  await subscriber.subscribe(liveChannel(stack().redisPrefix, linkUpdated.name));
  return { received, close: () => subscriber.disconnect() };
}

const publishLive = (redis: Redis, payload: LinkUpdated) =>
  redis.publish(
    liveChannel(stack().redisPrefix, linkUpdated.name),
    JSON.stringify({
      id: randomUUID(),
      name: linkUpdated.name,
      version: linkUpdated.version,
      payload,
      occurredAt: new Date().toISOString(),
    } satisfies DomainEvent),
  );

async function eventually(done: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const dedupe = (xs: string[]) => xs.filter((x, i) => x !== xs[i - 1]);

const provenLive = (events: LinkEvents, owner: TestAccount): Promise<string> =>
  provenLiveFor(
    [events],
    async (attempt) => (await save(owner, site.url(`/article?warm-up=${owner.id}&n=${attempt}`))).id,
  );
