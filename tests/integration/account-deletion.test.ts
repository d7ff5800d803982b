import { Client } from 'pg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  articleHtml,
  execute,
  html,
  signUp,
  stack,
  startSite,
  subscribeLinkUpdated,
  text,
  type FixtureSite,
  type TestAccount,
} from '@link-archive/testkit';

const SAVE = 'mutation($url: String!) { saveLink(url: $url, visibility: PUBLIC) { id } }';
const THUMB = 'query($id: ID!) { link(id: $id) { status contentUrl thumbnail { small: url(size: SMALL) } } }';
const SCHEMAS = ['user', 'link', 'review', 'feed', 'media'];
// the event plumbing itself: ids of past events, pruned on their own schedule (see the events note)
const EVENT_TABLES = new Set(['outbox', 'consumed_events']);

let site: FixtureSite;
let db: Client;

beforeAll(async () => {
  const photo = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#c42' } })
    .png()
    .toBuffer();
  const only = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#24c' } })
    .png()
    .toBuffer();
  const page = (image: string) =>
    html(
      articleHtml({
        title: 'Erasure',
        description: 'A page to forget',
        image,
        body: 'Words to forget soon.',
      }),
    );
  site = await startSite(
    {
      '/shared': page('/shared.png'),
      '/mine': page('/mine.png'),
      '/shared.png': text(photo, 'image/png'),
      '/mine.png': text(only, 'image/png'),
    },
    { port: stack().sitePort },
  );
  db = new Client({ connectionString: stack().databaseUrl });
  await db.connect();
});
afterAll(async () => {
  await site.close();
  await db.end();
});

async function saveReady(
  owner: TestAccount,
  path: string,
): Promise<{ id: string; small: string; contentUrl: string }> {
  const { saveLink } = await execute<{ saveLink: { id: string } }>(
    SAVE,
    { url: site.url(path) },
    { token: owner.accessToken },
  );
  let small = '';
  let contentUrl = '';
  await vi.waitFor(
    async () => {
      const { link } = await execute<{
        link: { status: string; contentUrl: string | null; thumbnail: { small: string } | null };
      }>(THUMB, { id: saveLink.id }, { token: owner.accessToken });
      expect(link.thumbnail?.small).toBeTruthy();
      expect(link.contentUrl).toBeTruthy();
      small = link.thumbnail!.small;
      contentUrl = link.contentUrl!;
    },
    { timeout: 20_000, interval: 100 },
  );
  return { id: saveLink.id, small, contentUrl };
}

/** Rows in any table of any subgraph's schema with the id in any uuid column. */
async function rowsMentioning(id: string): Promise<string[]> {
  const { rows: columns } = await db.query<{ table_schema: string; table_name: string; column_name: string }>(
    `SELECT table_schema, table_name, column_name FROM information_schema.columns
      WHERE table_schema = ANY($1) AND data_type = 'uuid'`,
    [SCHEMAS],
  );
  const found: string[] = [];
  for (const c of columns) {
    if (EVENT_TABLES.has(c.table_name)) continue;
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM "${c.table_schema}"."${c.table_name}" WHERE "${c.column_name}" = $1`,
      [id],
    );
    if (rows[0].n > 0) found.push(`${c.table_schema}.${c.table_name}.${c.column_name}: ${rows[0].n}`);
  }
  return found;
}

describe('deleteAccount', () => {
  it("erases the account's rows in every subgraph and its media objects, and ends its sockets", async () => {
    const [leaver, stayer] = [await signUp(), await signUp()];
    const shared = await saveReady(leaver, '/shared');
    const mine = await saveReady(leaver, '/mine');
    const kept = await saveReady(stayer, '/shared');
    // the leaver reviews the stayer's link, the stayer reviews the leaver's
    const REVIEW = 'mutation($l: ID!, $b: String!) { postReview(linkId: $l, rating: 4, body: $b) { id } }';
    await execute(REVIEW, { l: kept.id, b: 'Mine, about theirs.' }, { token: leaver.accessToken });
    await execute(REVIEW, { l: shared.id, b: 'Theirs, about mine.' }, { token: stayer.accessToken });
    // they follow each other, as clients do (the saves above put the leaver's PUBLIC links in feeds)
    for (const [from, to] of [
      [leaver, stayer],
      [stayer, leaver],
    ] as const)
      await execute(
        'mutation($u: ID!) { follow(userId: $u) { id } }',
        { u: to.id },
        { token: from.accessToken },
      );
    expect(await rowsMentioning(leaver.id)).not.toEqual([]);

    const socket = subscribeLinkUpdated(leaver);
    await socket.ready;
    expect(await execute('mutation { deleteAccount }', {}, { token: leaver.accessToken })).toEqual({
      deleteAccount: true,
    });
    expect((await socket.closed).code).toBe(4403);

    await vi.waitFor(async () => expect(await rowsMentioning(leaver.id)).toEqual([]), {
      timeout: 20_000,
      interval: 200,
    });
    // reviews of the erased account's links went with them; the stayer's other rows did not
    const { rows: reviews } = await db.query('SELECT link_id FROM review.reviews WHERE link_id = ANY($1)', [
      [shared.id, mine.id, kept.id],
    ]);
    expect(reviews).toEqual([]);
    expect(await rowsMentioning(stayer.id)).not.toEqual([]);

    // the leaver's own image is gone; the one the stayer saved too is still served
    // every public size of it (150, 300, 600 px) is gone; the shared image's sizes are all still served
    const sizes = (small: string) =>
      ['150', '300', '600'].map((px) => small.replace(/\/150\.webp$/, `/${px}.webp`));
    expect(new Set(sizes(mine.small)).size).toBe(3);
    await vi.waitFor(
      async () => {
        for (const url of sizes(mine.small)) expect((await fetch(url)).status).toBe(404);
      },
      { timeout: 10_000 },
    );
    for (const url of sizes(kept.small)) expect((await fetch(url)).status).toBe(200);
    // the readable copies of the leaver's links went with them; the stayer's copy of the same page did not
    for (const url of [mine.contentUrl, shared.contentUrl]) expect((await fetch(url)).status).toBe(404);
    expect((await fetch(kept.contentUrl)).status).toBe(200);
    expect(shared.small).toBe(kept.small);
    await socket.close();
  });

  it('refuses the old access token afterwards', async () => {
    const leaver = await signUp();
    await execute('mutation { deleteAccount }', {}, { token: leaver.accessToken });
    const res = await fetch(stack().gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${leaver.accessToken}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(res.status).toBe(401);
  });
});
