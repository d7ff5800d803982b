import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  execute,
  firstCode,
  gql,
  signUp,
  signUpAdmin,
  subscribe,
  type TestAccount,
} from '@link-archive/testkit';

const SAVE = 'mutation($url: String!, $v: Visibility) { saveLink(url: $url, visibility: $v) { id } }';
const POST = `mutation($linkId: ID!, $rating: Int!, $body: String!) {
  postReview(linkId: $linkId, rating: $rating, body: $body) { id rating body source author { handle } link { id } }
}`;
const RATING = `query($id: ID!) {
  link(id: $id) { rating { average count distribution } reviews(first: 100) { edges { node { rating author { handle } } } } }
}`;

const save = async (owner: TestAccount, url: string, visibility = 'PUBLIC') =>
  (await execute<{ saveLink: { id: string } }>(SAVE, { url, v: visibility }, { token: owner.accessToken }))
    .saveLink.id;

const post = (who: TestAccount, linkId: string, rating: number, body: string) =>
  gql<{ postReview: { id: string; rating: number; body: string; author: { handle: string } } }>(
    POST,
    { linkId, rating, body },
    { token: who.accessToken },
  );

const opened: { close: () => Promise<void> }[] = [];
afterAll(() => Promise.all(opened.map((o) => o.close())));

describe('reviews', () => {
  it('posts one review per author and link; posting again updates it', async () => {
    const [owner, reader] = [await signUp(), await signUp()];
    const linkId = await save(owner, 'https://reviews.example/one');
    const first = await post(reader, linkId, 4, '  Good place, friendly staff.  ');
    expect(first.errors).toBeUndefined();
    expect(first.data!.postReview).toMatchObject({
      rating: 4,
      body: 'Good place, friendly staff.',
      author: { handle: reader.handle },
    });
    const again = await post(reader, linkId, 2, 'Changed my mind.');
    expect(again.data!.postReview.id).toBe(first.data!.postReview.id);
    const { link } = await execute<{
      link: { rating: { count: number; average: number; distribution: number[] } };
    }>(RATING, { id: linkId }, { token: owner.accessToken });
    expect(link.rating).toEqual({ count: 1, average: 2, distribution: [0, 1, 0, 0, 0] });
  });

  it('refuses bad input with the field named', async () => {
    const [owner, reader] = [await signUp(), await signUp()];
    const linkId = await save(owner, 'https://reviews.example/input');
    for (const [rating, body, field] of [
      [0, 'fine', 'rating'],
      [6, 'fine', 'rating'],
      [3, '   ', 'body'],
      [3, 'x'.repeat(5_001), 'body'],
      // moderation: profanity and spam, in English and Korean
      [3, 'This place is shit', 'body'],
      [3, '토토사이트 먹튀검증 텔레그램 문의', 'body'],
      [3, 'WOWWWWWWWWWWWWWWWW', 'body'],
    ] as const) {
      const res = await post(reader, linkId, rating, body);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(firstCode(await post(reader, '00000000-0000-4000-8000-000000000000', 3, 'nothing there'))).toBe(
      'NOT_FOUND',
    );
  });

  it('is FORBIDDEN on a link the author may not see, and hides reviews of links others may not see', async () => {
    const [owner, stranger] = [await signUp(), await signUp()];
    const privateLink = await save(owner, 'https://reviews.example/private', 'PRIVATE');
    expect(firstCode(await post(stranger, privateLink, 5, 'I should not be here'))).toBe('FORBIDDEN');
    // the owner reviews both; a stranger listing the owner's reviews sees only the public one
    const publicLink = await save(owner, 'https://reviews.example/public');
    await post(owner, privateLink, 5, 'My private notes on it.');
    await post(owner, publicLink, 4, 'Public opinion.');
    const LIST = 'query($id: ID!) { user(id: $id) { reviews { edges { node { body link { id } } } } } }';
    const seen = await execute<{ user: { reviews: { edges: { node: { body: string } }[] } } }>(
      LIST,
      { id: owner.id },
      { token: stranger.accessToken },
    );
    expect(seen.user.reviews.edges.map((e) => e.node.body)).toEqual(['Public opinion.']);
    const own = await execute<{ user: { reviews: { edges: unknown[] } } }>(
      LIST,
      { id: owner.id },
      { token: owner.accessToken },
    );
    expect(own.user.reviews.edges).toHaveLength(2);
    // and once the link turns PRIVATE, its reviews leave the stranger's view
    await execute(
      'mutation($id: ID!) { updateLink(id: $id, visibility: PRIVATE) { id } }',
      { id: publicLink },
      {
        token: owner.accessToken,
      },
    );
    await vi.waitFor(
      async () => {
        const later = await execute<{ user: { reviews: { edges: unknown[] } } }>(
          LIST,
          { id: owner.id },
          { token: stranger.accessToken },
        );
        expect(later.user.reviews.edges).toEqual([]);
      },
      { timeout: 10_000, interval: 100 },
    );
  });

  it('keeps the summary exact under 50 concurrent posts by 50 people', async () => {
    const owner = await signUp();
    const linkId = await save(owner, 'https://reviews.example/busy');
    const people = await Promise.all(Array.from({ length: 50 }, () => signUp()));
    const ratings = people.map((_, i) => (i % 5) + 1);
    const results = await Promise.all(
      people.map((p, i) => post(p, linkId, ratings[i]!, `Review number ${i}`)),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const { link } = await execute<{
      link: {
        rating: { count: number; average: number; distribution: number[] };
        reviews: { edges: unknown[] };
      };
    }>(RATING, { id: linkId }, { token: owner.accessToken });
    expect(link.rating).toEqual({ count: 50, average: 3, distribution: [10, 10, 10, 10, 10] });
    expect(link.reviews.edges).toHaveLength(50);
  }, 60_000);

  it('lets the author or an ADMIN delete a review, and nobody else', async () => {
    const [owner, author, other] = [await signUp(), await signUp(), await signUp()];
    const admin = await signUpAdmin();
    const linkId = await save(owner, 'https://reviews.example/delete');
    const { postReview } = (await post(author, linkId, 3, 'Meh.')).data!;
    const DELETE = 'mutation($id: ID!) { deleteReview(id: $id) }';
    expect(firstCode(await gql(DELETE, { id: postReview.id }, { token: other.accessToken }))).toBe(
      'FORBIDDEN',
    );
    expect(await execute(DELETE, { id: postReview.id }, { token: author.accessToken })).toEqual({
      deleteReview: true,
    });
    const second = (await post(author, linkId, 1, 'Worse.')).data!.postReview;
    expect(await execute(DELETE, { id: second.id }, { token: admin.accessToken })).toEqual({
      deleteReview: true,
    });
    expect(firstCode(await gql(DELETE, { id: second.id }, { token: author.accessToken }))).toBe('NOT_FOUND');
  });

  it('announces reviews through the gateway with fields of other subgraphs, to people who may see the link', async () => {
    const [owner, watcher, reviewer] = [await signUp(), await signUp(), await signUp()];
    const linkId = await save(owner, 'https://reviews.example/live');
    const live = subscribe<{
      reviewAdded: {
        rating: number;
        author: { handle: string };
        link: { id: string; rating: { count: number } };
      };
    }>(
      'subscription($id: ID!) { reviewAdded(linkId: $id) { rating author { handle } link { id rating { count } } } }',
      { id: linkId },
      { token: watcher.accessToken },
    );
    opened.push(live);
    await live.ready;
    // the subscription registers upstream asynchronously: post until the first arrives
    await vi.waitFor(
      async () => {
        await post(reviewer, linkId, 5, 'Wonderful.');
        expect(live.received.length).toBeGreaterThan(0);
      },
      { timeout: 15_000, interval: 300 },
    );
    expect(live.received[0]!.reviewAdded).toMatchObject({
      rating: 5,
      author: { handle: reviewer.handle },
      link: { id: linkId, rating: { count: 1 } },
    });
    const privateLink = await save(owner, 'https://reviews.example/live-private', 'PRIVATE');
    const refused = subscribe(
      'subscription($id: ID!) { reviewAdded(linkId: $id) { id } }',
      { id: privateLink },
      { token: watcher.accessToken },
    );
    opened.push(refused);
    await refused.ended;
    expect(refused.errors[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
