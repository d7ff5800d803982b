import {
  articleHtml,
  execute,
  firstCode,
  gql,
  html,
  readCounter,
  signUp,
  stack,
  startExtraGateway,
  startSite,
  saveReadyLink,
  subscribe,
  type FixtureSite,
  type TestAccount,
} from '@link-archive/testkit';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

let site: FixtureSite;
let page = 0;

beforeAll(async () => {
  const routes: Record<string, ReturnType<typeof html>> = {};
  for (let i = 0; i < 60; i++)
    routes[`/social/${i}`] = html(
      articleHtml({
        title: `Social page ${i}`,
        description: `Page ${i} about gardening`,
        image: '/none.jpg',
        body: `Gardening notes number ${i}: tomatoes, basil and compost.`,
      }),
    );
  site = await startSite(routes, { port: stack().sitePort });
});
afterAll(() => site.close());

const FOLLOW = 'mutation($id: ID!) { follow(userId: $id) { id followerCount viewerIsFollowing } }';
const UNFOLLOW = 'mutation($id: ID!) { unfollow(userId: $id) { id followerCount viewerIsFollowing } }';
const HOME = `query($first: Int, $after: String) { homeFeed(first: $first, after: $after) {
  edges { cursor node { id kind actor { handle } link { id title } review { id rating } followee { handle } } }
  pageInfo { hasNextPage endCursor } } }`;

interface Item {
  id: string;
  kind: string;
  actor: { handle: string };
  link: { id: string; title: string | null } | null;
  review: { id: string; rating: number } | null;
  followee: { handle: string } | null;
}

const follow = (who: TestAccount, whom: TestAccount) =>
  execute(FOLLOW, { id: whom.id }, { token: who.accessToken });
const unfollow = (who: TestAccount, whom: TestAccount) =>
  execute(UNFOLLOW, { id: whom.id }, { token: who.accessToken });

/** Saves the next fixture page and waits until it is READY. */
const saveReady = (owner: TestAccount, visibility: string, tags: string[] = []) =>
  saveReadyLink(owner, site.url(`/social/${page++}`), { visibility, tags });

const homeFeed = async (viewer: TestAccount, first = 50, after?: string) =>
  (
    await execute<{
      homeFeed: {
        edges: { cursor: string; node: Item }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(HOME, { first, after }, { token: viewer.accessToken })
  ).homeFeed;

const linkIdsIn = async (viewer: TestAccount) =>
  (await homeFeed(viewer)).edges.filter((e) => e.node.kind === 'LINK_SAVED').map((e) => e.node.link?.id);

describe('the social graph', () => {
  it('follows and unfollows idempotently, never oneself, only existing accounts, with counts', async () => {
    const [a, b] = [await signUp(), await signUp()];
    for (let i = 0; i < 2; i++) {
      const { follow: f } = await execute<{ follow: { followerCount: number; viewerIsFollowing: boolean } }>(
        FOLLOW,
        { id: a.id },
        { token: b.accessToken },
      );
      expect(f).toMatchObject({ followerCount: 1, viewerIsFollowing: true });
    }
    expect(firstCode(await gql(FOLLOW, { id: b.id }, { token: b.accessToken }))).toBe('BAD_USER_INPUT');
    expect(
      firstCode(await gql(FOLLOW, { id: '00000000-0000-4000-8000-000000000001' }, { token: b.accessToken })),
    ).toBe('NOT_FOUND');
    const { user } = await execute<{
      user: { followers: { edges: { node: { handle: string } }[] }; followingCount: number };
    }>(
      'query($id: ID!) { user(id: $id) { followingCount followers { edges { node { handle } } } } }',
      { id: a.id },
      {
        token: b.accessToken,
      },
    );
    expect(user.followers.edges.map((e) => e.node.handle)).toEqual([b.handle]);
    for (let i = 0; i < 2; i++) {
      const { unfollow: u } = await execute<{
        unfollow: { followerCount: number; viewerIsFollowing: boolean };
      }>(UNFOLLOW, { id: a.id }, { token: b.accessToken });
      expect(u).toMatchObject({ followerCount: 0, viewerIsFollowing: false });
    }
  });

  it('lets FOLLOWERS links reach followers only, on every path, and stop at the unfollow', async () => {
    const [a, b] = [await signUp(), await signUp()];
    const linkId = await saveReady(a, 'FOLLOWERS');
    const read = async () =>
      (
        await gql<{ link: { id: string } | null }>(
          'query($id: ID!) { link(id: $id) { id } }',
          { id: linkId },
          { token: b.accessToken },
        )
      ).data?.link ?? null;
    const post = () =>
      gql(
        'mutation($id: ID!) { postReview(linkId: $id, rating: 4, body: "Nice notes") { id } }',
        { id: linkId },
        { token: b.accessToken },
      );
    expect(await read()).toBeNull();
    await follow(b, a);
    await vi.waitFor(async () => expect(await read()).toEqual({ id: linkId }), {
      timeout: 5_000,
      interval: 100,
    });
    await vi.waitFor(async () => expect((await post()).errors).toBeUndefined(), {
      timeout: 5_000,
      interval: 100,
    });
    await vi.waitFor(async () => expect(await linkIdsIn(b)).toContain(linkId), {
      timeout: 5_000,
      interval: 100,
    });
    await unfollow(b, a);
    expect(await linkIdsIn(b)).not.toContain(linkId); // at once: the feed checks its own follow graph
    await vi.waitFor(async () => expect(await read()).toBeNull(), { timeout: 5_000, interval: 100 });
    await vi.waitFor(async () => expect(firstCode(await post())).toBe('FORBIDDEN'), {
      timeout: 5_000,
      interval: 100,
    });
  });
});

describe('feeds', () => {
  it("shows followed people's links and reviews as they may see them, and never a PRIVATE link", async () => {
    const [a, b] = [await signUp(), await signUp()];
    await follow(b, a);
    const publicLink = await saveReady(a, 'PUBLIC');
    const privateLink = await saveReady(a, 'PRIVATE');
    await execute(
      'mutation($id: ID!) { postReview(linkId: $id, rating: 5, body: "Great notes on compost") { id } }',
      { id: publicLink },
      {
        token: a.accessToken,
      },
    );
    await vi.waitFor(
      async () => {
        const kinds = (await homeFeed(b)).edges.map((e) => [e.node.kind, e.node.link?.id]);
        expect(kinds).toEqual([
          ['REVIEW_POSTED', publicLink],
          ['LINK_SAVED', publicLink],
        ]);
      },
      { timeout: 10_000, interval: 100 },
    );
    const items = (await homeFeed(b)).edges.map((e) => e.node);
    expect(items[0]).toMatchObject({ actor: { handle: a.handle }, review: { rating: 5 } });
    expect(JSON.stringify(items)).not.toContain(privateLink);

    // a link made PRIVATE leaves at once; a deleted one too
    await execute(
      'mutation($id: ID!) { updateLink(id: $id, visibility: PRIVATE) { id } }',
      { id: publicLink },
      {
        token: a.accessToken,
      },
    );
    await vi.waitFor(async () => expect((await homeFeed(b)).edges).toEqual([]), {
      timeout: 5_000,
      interval: 100,
    });
  });

  it('pages with stable cursors, and rebuilds a timeline Redis lost', async () => {
    const [a, b] = [await signUp(), await signUp()];
    await follow(b, a);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await saveReady(a, 'PUBLIC'));
    await vi.waitFor(async () => expect(await linkIdsIn(b)).toHaveLength(5), {
      timeout: 10_000,
      interval: 100,
    });
    const first = await homeFeed(b, 2);
    // a new item arrives between pages: the next page neither repeats nor skips
    ids.push(await saveReady(a, 'PUBLIC'));
    const second = await homeFeed(b, 2, first.pageInfo.endCursor);
    const third = await homeFeed(b, 2, second.pageInfo.endCursor);
    const paged = [...first.edges, ...second.edges, ...third.edges].map((e) => e.node.link!.id);
    expect(paged).toEqual(ids.slice(0, 5).reverse());
    expect(third.pageInfo.hasNextPage).toBe(false);

    const redis = new Redis(stack().redisUrl);
    try {
      await redis.del(
        `${stack().redisPrefix}timeline:${b.id}`,
        `${stack().redisPrefix}timeline:${b.id}:built`,
      );
    } finally {
      redis.disconnect();
    }
    expect((await linkIdsIn(b)).sort()).toEqual([...ids].sort());
  });

  it("merges a big account's items at read time instead of fanning them out", async () => {
    const star = await signUp();
    const fans = [await signUp(), await signUp(), await signUp(), await signUp()];
    for (const fan of fans) await follow(fan, star); // 4 followers: over the test stack's FANOUT_MAX_FOLLOWERS of 3
    const privateLink = await saveReady(star, 'PRIVATE');
    // its LINK_READY notification is made in the same transaction as its feed item: once the star has it, the
    // item exists, and it is PRIVATE: nothing to show, whichever way the merge reads it
    await vi.waitFor(
      async () => {
        const { notifications } = await execute<{
          notifications: { edges: { node: { link: { id: string } | null } }[] };
        }>('query { notifications { edges { node { link { id } } } } }', {}, { token: star.accessToken });
        expect(notifications.edges.map((e) => e.node.link?.id)).toContain(privateLink);
      },
      { timeout: 10_000, interval: 100 },
    );
    for (const fan of fans) expect(await linkIdsIn(fan)).toEqual([]);
    const linkId = await saveReady(star, 'PUBLIC');
    for (const fan of fans)
      await vi.waitFor(async () => expect(await linkIdsIn(fan)).toEqual([linkId]), {
        timeout: 10_000,
        interval: 100,
      });
    expect(JSON.stringify(await homeFeed(fans[0]!))).not.toContain(privateLink);
  });

  it('lists PUBLIC links by tag, and ranks PUBLIC activity in popularFeed within seconds', async () => {
    const a = await signUp();
    const tag = `garden${Date.now().toString(36)}`;
    const tagged = await saveReady(a, 'PUBLIC', [tag]);
    const hidden = await saveReady(a, 'FOLLOWERS', [tag]);
    await vi.waitFor(
      async () => {
        const { tagFeed } = await execute<{ tagFeed: { edges: { node: { link: { id: string } } }[] } }>(
          'query($tag: String!) { tagFeed(tag: $tag) { edges { node { link { id } } } } }',
          { tag: tag.toUpperCase() },
          { token: a.accessToken },
        );
        expect(tagFeed.edges.map((e) => e.node.link.id)).toEqual([tagged]);
      },
      { timeout: 5_000, interval: 100 },
    );
    for (const reviewer of [await signUp(), await signUp()])
      await execute(
        'mutation($id: ID!) { postReview(linkId: $id, rating: 5, body: "Lovely garden tips") { id } }',
        { id: tagged },
        {
          token: reviewer.accessToken,
        },
      );
    const popular = async () =>
      (
        await execute<{ popularFeed: { edges: { node: { link: { id: string } } }[] } }>(
          'query { popularFeed(first: 100) { edges { node { link { id } } } } }',
          {},
          { token: a.accessToken },
        )
      ).popularFeed.edges.map((e) => e.node.link.id);
    await vi.waitFor(async () => expect(await popular()).toContain(tagged), {
      timeout: 10_000,
      interval: 250,
    });
    expect(await popular()).not.toContain(hidden);
    await execute('mutation($id: ID!) { deleteLink(id: $id) }', { id: tagged }, { token: a.accessToken });
    await vi.waitFor(async () => expect(await popular()).not.toContain(tagged), {
      timeout: 5_000,
      interval: 100,
    });
  });
});

describe('notifications', () => {
  const LIST = `query { notifications(first: 50) { edges { node { kind read count highPriority actor { handle } link { id } review { id } } } }
    unreadNotificationCount }`;
  const list = async (who: TestAccount) =>
    execute<{
      notifications: {
        edges: {
          node: {
            kind: string;
            read: boolean;
            count: number;
            highPriority: boolean;
            actor: { handle: string } | null;
          };
        }[];
      };
      unreadNotificationCount: number;
    }>(LIST, {}, { token: who.accessToken });

  it('notifies followers, reviews (negative ones first-class), readiness and replies; groups repeats; mutes', async () => {
    const [owner, fan, critic] = [await signUp(), await signUp(), await signUp()];
    await follow(fan, owner);
    await unfollow(fan, owner);
    await follow(fan, owner); // the same follower again within minutes: one notification, count 2
    const linkId = await saveReady(owner, 'PUBLIC');
    const { postReview } = await execute<{ postReview: { id: string } }>(
      'mutation($id: ID!) { postReview(linkId: $id, rating: 1, body: "최악이에요. 다시는 안 가요") { id } }',
      { id: linkId },
      { token: critic.accessToken },
    );
    await vi.waitFor(
      async () => {
        const kinds = (await list(owner)).notifications.edges.map((e) => e.node.kind).sort();
        expect(kinds).toEqual(['LINK_READY', 'NEGATIVE_REVIEW', 'NEW_FOLLOWER', 'NEW_REVIEW']);
      },
      { timeout: 10_000, interval: 200 },
    );
    const { notifications, unreadNotificationCount } = await list(owner);
    const byKind = Object.fromEntries(notifications.edges.map((e) => [e.node.kind, e.node]));
    expect(byKind.NEW_FOLLOWER).toMatchObject({ count: 2, actor: { handle: fan.handle } });
    expect(byKind.NEGATIVE_REVIEW).toMatchObject({ highPriority: true, actor: { handle: critic.handle } });
    expect(unreadNotificationCount).toBe(4);

    const { draftReply } = await execute<{ draftReply: { id: string } }>(
      'mutation($id: ID!) { draftReply(reviewId: $id) { id } }',
      { id: postReview.id },
      {
        token: owner.accessToken,
      },
    );
    for (const status of ['APPROVED', 'PUBLISHED'])
      await execute(
        'mutation($id: ID!, $s: ReplyStatus) { updateReply(replyId: $id, status: $s) { id } }',
        { id: draftReply.id, s: status },
        {
          token: owner.accessToken,
        },
      );
    await vi.waitFor(
      async () =>
        expect((await list(critic)).notifications.edges.map((e) => e.node.kind)).toEqual(['REPLY_PUBLISHED']),
      { timeout: 10_000, interval: 200 },
    );

    const { markNotificationsRead } = await execute<{ markNotificationsRead: number }>(
      'mutation { markNotificationsRead }',
      {},
      {
        token: owner.accessToken,
      },
    );
    expect(markNotificationsRead).toBe(4);
    for (const ids of [
      ['not-an-id'],
      Array.from({ length: 101 }, () => '00000000-0000-4000-8000-000000000001'),
    ]) {
      const bad = await gql(
        'mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }',
        { ids },
        { token: owner.accessToken },
      );
      expect([firstCode(bad), bad.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'ids']);
    }
    expect((await list(owner)).unreadNotificationCount).toBe(0);

    await execute(
      'mutation { setNotificationMuted(kind: NEW_FOLLOWER, muted: true) { kind muted } }',
      {},
      { token: owner.accessToken },
    );
    const another = await signUp();
    await follow(another, owner);
    await saveReady(owner, 'PUBLIC'); // a later LINK_READY proves the events were handled
    await vi.waitFor(async () => expect((await list(owner)).unreadNotificationCount).toBe(1), {
      timeout: 10_000,
      interval: 200,
    });
    expect(
      (await list(owner)).notifications.edges.filter((e) => !e.node.read).map((e) => e.node.kind),
    ).toEqual(['LINK_READY']);
  });
});

/**
 * B follows A and watches feedUpdated (fields of the feed, user, link, review and media subgraphs) through the
 * gateway at `url`: A's PUBLIC link and review arrive within 2 s of READY, a PRIVATE link never, a FOLLOWERS link
 * while B follows and not after B unfollows.
 */
async function liveFeedScenario(url?: string) {
  const [a, b, c] = [await signUp(), await signUp(), await signUp()];
  await follow(b, a);
  await follow(b, c);
  const live = subscribe<{
    feedUpdated: {
      kind: string;
      actor: { handle: string };
      link: { id: string; title: string; rating: { average: number } | null; thumbnail: unknown } | null;
    };
  }>(
    'subscription { feedUpdated { kind actor { handle } link { id title rating { average } thumbnail { url } } review { rating } } }',
    {},
    { token: b.accessToken, url },
  );
  await live.ready;
  await new Promise((r) => setTimeout(r, 500)); // the upstream subscription registers asynchronously
  const privateLink = await saveReady(a, 'PRIVATE');
  const publicLink = await saveReady(a, 'PUBLIC');
  const ready = Date.now();
  const saved = await live.until(
    (p) => p.feedUpdated.kind === 'LINK_SAVED' && p.feedUpdated.link?.id === publicLink,
    5_000,
  );
  expect(Date.now() - ready).toBeLessThan(2_000);
  expect(saved.feedUpdated).toMatchObject({
    actor: { handle: a.handle },
    link: { title: expect.stringMatching(/^Social page/) },
  });
  await execute(
    'mutation($id: ID!) { postReview(linkId: $id, rating: 4, body: "Good compost advice") { id } }',
    { id: publicLink },
    {
      token: a.accessToken,
    },
  );
  const reviewed = await live.until((p) => p.feedUpdated.kind === 'REVIEW_POSTED', 5_000);
  expect(reviewed.feedUpdated.link).toMatchObject({ id: publicLink, rating: { average: 4 } });

  const followersLink = await saveReady(a, 'FOLLOWERS');
  await live.until((p) => p.feedUpdated.link?.id === followersLink, 5_000);
  await unfollow(b, a);
  // the relay publishes user.unfollowed live before the link domain applies it: once B can no longer read the
  // FOLLOWERS link, every feed replica has heard of the unfollow
  await vi.waitFor(
    async () =>
      expect(
        (
          await gql<{ link: unknown }>(
            'query($id: ID!) { link(id: $id) { id } }',
            { id: followersLink },
            { token: b.accessToken },
          )
        ).data?.link ?? null,
      ).toBeNull(),
    { timeout: 5_000, interval: 100 },
  );
  const later = await saveReady(a, 'FOLLOWERS');
  // someone B still follows posts after it: when that arrives, anything about `later` would have arrived first
  const sentinel = await saveReady(c, 'PUBLIC');
  await live.until((p) => p.feedUpdated.link?.id === sentinel, 5_000);
  const seen = JSON.stringify(live.received);
  expect(seen).not.toContain(privateLink);
  expect(seen).not.toContain(later);
  expect(live.errors).toEqual([]);
  await live.close();
}

describe('live feed', () => {
  it('delivers followed activity with fields of four subgraphs, never a PRIVATE link, FOLLOWERS only while following', async () => {
    await liveFeedScenario();
  });

  it('does the same for a subscriber connected to a second gateway process', async () => {
    const second = await startExtraGateway({});
    try {
      await liveFeedScenario(second.url.replace(/^http/, 'ws'));
    } finally {
      await second.stop();
    }
  });

  it('completes a public item once for all its subscribers, and per viewer when the selection depends on the viewer', async () => {
    const author = await signUp();
    const fans = [await signUp(), await signUp(), await signUp()];
    for (const fan of fans) await follow(fan, author);
    const shared = fans.map((fan) =>
      subscribe<{ feedUpdated: { link: { id: string } | null } }>(
        'subscription { feedUpdated { kind actor { handle } link { id title } } }',
        {},
        { token: fan.accessToken },
      ),
    );
    const personal = subscribe<{ feedUpdated: { actor: { viewerIsFollowing: boolean } } }>(
      'subscription { feedUpdated { actor { handle viewerIsFollowing } } }',
      {},
      { token: fans[0]!.accessToken },
    );
    await Promise.all([...shared, personal].map((s) => s.ready));
    await new Promise((r) => setTimeout(r, 500));
    const before = await readCounter(stack().gatewayUrl, 'gateway_subscription_completions_total');
    const linkId = await saveReady(author, 'PUBLIC');
    for (const s of shared) await s.until((p) => p.feedUpdated.link?.id === linkId, 5_000);
    const mine = await personal.until(() => true, 5_000);
    expect(mine.feedUpdated.actor.viewerIsFollowing).toBe(true);
    // one completion for the three identical public subscriptions, one for the viewer-dependent one
    expect((await readCounter(stack().gatewayUrl, 'gateway_subscription_completions_total')) - before).toBe(
      2,
    );
    await Promise.all([...shared, personal].map((s) => s.close()));
  });

  it('delivers notifications live', async () => {
    const [a, b] = [await signUp(), await signUp()];
    const live = subscribe<{ notificationAdded: { kind: string; actor: { handle: string } } }>(
      'subscription { notificationAdded { kind actor { handle } } }',
      {},
      { token: a.accessToken },
    );
    await live.ready;
    await new Promise((r) => setTimeout(r, 500));
    await follow(b, a);
    const got = await live.until((p) => p.notificationAdded.kind === 'NEW_FOLLOWER', 5_000);
    expect(got.notificationAdded.actor.handle).toBe(b.handle);
    await live.close();
  });
});
