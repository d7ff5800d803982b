import { bullPrefix } from '@link-archive/queues';
import {
  execute,
  firstCode,
  gql,
  html,
  signUp,
  stack,
  startSite,
  subscribe,
  type FixtureSite,
  type TestAccount,
} from '@link-archive/testkit';
import { Queue } from 'bullmq';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const SAVE = 'mutation($url: String!, $v: Visibility) { saveLink(url: $url, visibility: $v) { id } }';
const POST = `mutation($linkId: ID!, $rating: Int!, $body: String!) {
  postReview(linkId: $linkId, rating: $rating, body: $body) { id }
}`;
const REVIEW = `query($id: ID!) {
  link(id: $id) { reviews(first: 20) { edges { node {
    id body rating source sourceAuthorName sentiment sentimentScore keywords createdAt author { handle }
    reply { id body status generatedByAi }
  } } } }
}`;
const DRAFT = 'mutation($id: ID!) { draftReply(reviewId: $id) { id body status generatedByAi updatedAt } }';
const UPDATE = `mutation($id: ID!, $body: String, $status: ReplyStatus) {
  updateReply(replyId: $id, body: $body, status: $status) { id body status generatedByAi }
}`;

interface ReviewNode {
  id: string;
  body: string;
  rating: number;
  source: string;
  sourceAuthorName: string | null;
  sentiment: string | null;
  sentimentScore: number | null;
  keywords: string[];
  createdAt: string;
  author: { handle: string } | null;
  reply: { id: string; body: string; status: string; generatedByAi: boolean } | null;
}

let db: Pool;
let site: FixtureSite;
/** What the place page lists as its reviews right now (a recrawl reads it again). */
let placeReviews: { author: string; rating: number; body: string; date: string }[] = [];

const placePage = () =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cafe Fixture</title>
<meta property="og:title" content="Cafe Fixture"><meta property="og:site_name" content="Fixture Maps">
<script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'CafeOrCoffeeShop',
    name: 'Cafe Fixture',
    aggregateRating: { '@type': 'AggregateRating', ratingValue: 4.2, reviewCount: placeReviews.length },
    review: placeReviews.map((r) => ({
      '@type': 'Review',
      author: { '@type': 'Person', name: r.author },
      datePublished: r.date,
      reviewBody: r.body,
      reviewRating: { '@type': 'Rating', ratingValue: r.rating, bestRating: 5 },
    })),
  })}</script></head><body><h1>Cafe Fixture</h1><p>A small cafe with good coffee near the station.</p></body></html>`;

beforeAll(async () => {
  db = new Pool({ connectionString: stack().databaseUrl, max: 4 });
  site = await startSite({ '/cafe': (req, res) => html(placePage())(req, res) }, { port: stack().sitePort });
});

afterAll(async () => {
  await site.close();
  await db.end();
});

const save = async (owner: TestAccount, url: string, visibility = 'PUBLIC') =>
  (await execute<{ saveLink: { id: string } }>(SAVE, { url, v: visibility }, { token: owner.accessToken }))
    .saveLink.id;

const post = async (who: TestAccount, linkId: string, rating: number, body: string) =>
  (await execute<{ postReview: { id: string } }>(POST, { linkId, rating, body }, { token: who.accessToken }))
    .postReview.id;

const reviewsOf = async (viewer: TestAccount, linkId: string) =>
  (
    await execute<{ link: { reviews: { edges: { node: ReviewNode }[] } } }>(
      REVIEW,
      { id: linkId },
      { token: viewer.accessToken },
    )
  ).link.reviews.edges.map((e) => e.node);

/** Waits until every review of the link is analysed, and answers them. */
async function analysed(viewer: TestAccount, linkId: string, count: number): Promise<ReviewNode[]> {
  return vi.waitFor(
    async () => {
      const nodes = await reviewsOf(viewer, linkId);
      expect(nodes).toHaveLength(count);
      expect(nodes.every((n) => n.sentiment !== null)).toBe(true);
      return nodes;
    },
    { timeout: 15_000, interval: 200 },
  );
}

/** Waits until the link's crawl has finished READY (its status and error say why not). */
async function ready(owner: TestAccount, linkId: string): Promise<void> {
  await vi.waitFor(
    async () => {
      const { link } = await execute<{ link: { status: string; error: string | null } }>(
        'query($id: ID!) { link(id: $id) { status error } }',
        { id: linkId },
        { token: owner.accessToken },
      );
      expect(link).toEqual({ status: 'READY', error: null });
    },
    { timeout: 20_000, interval: 200 },
  );
}

const eventsNamed = async (name: string, key: string, value: string) =>
  (
    await db.query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM review.outbox WHERE name = $1 AND payload->>$2 = $3`,
      [name, key, value],
    )
  ).rows.map((r) => r.payload);

describe('review analysis', () => {
  it('calls Korean and English reviews positive or negative with a score and keywords', async () => {
    const owner = await signUp();
    const linkId = await save(owner, 'https://signals.example/analysis');
    const cases = [
      ['정말 맛있어요, 또 올게요', 'POSITIVE'],
      ['최악이에요. 다시는 안 가요', 'NEGATIVE'],
      ['The coffee was delicious and the staff were lovely. We will come back!', 'POSITIVE'],
      ['Terrible service and cold food. Never again.', 'NEGATIVE'],
    ] as const;
    const ids = new Map<string, string>();
    for (const [body] of cases) ids.set(await post(await signUp(), linkId, 3, body), body);
    const nodes = await analysed(owner, linkId, cases.length);
    for (const [body, sentiment] of cases) {
      const node = nodes.find((n) => n.body === body)!;
      expect([body, node.sentiment]).toEqual([body, sentiment]);
      expect(Math.abs(node.sentimentScore!)).toBeLessThanOrEqual(1);
      expect(Math.sign(node.sentimentScore!)).toBe(sentiment === 'POSITIVE' ? 1 : -1);
      expect(node.keywords.length).toBeGreaterThanOrEqual(1);
      expect(node.keywords.length).toBeLessThanOrEqual(5);
    }
    const coffee = nodes.find((n) => n.body.startsWith('The coffee'))!;
    expect(coffee.keywords).toEqual(expect.arrayContaining(['coffee', 'staff']));
  });

  it('analyses an edited review again, and only its newest text counts', async () => {
    const [owner, reader] = [await signUp(), await signUp()];
    const linkId = await save(owner, 'https://signals.example/edit');
    await post(reader, linkId, 5, 'Wonderful pastries, friendly staff, a real gem.');
    expect((await analysed(owner, linkId, 1))[0]!.sentiment).toBe('POSITIVE');
    await post(reader, linkId, 1, 'The pastries were stale and the staff were rude. Awful.');
    const [edited] = await analysed(owner, linkId, 1);
    expect(edited!.sentiment).toBe('NEGATIVE');
    const { rows } = await db.query('SELECT keyword FROM review.review_keywords WHERE link_id = $1', [
      linkId,
    ]);
    expect(rows.map((r) => r.keyword).sort()).toEqual([...edited!.keywords].sort());
  });

  it("emits review.negative for the link's owner, never for the owner's own review", async () => {
    const [owner, critic] = [await signUp(), await signUp()];
    const linkId = await save(owner, 'https://signals.example/negative');
    const criticReview = await post(critic, linkId, 1, '최악이에요. 다시는 안 가요');
    const ownReview = await post(owner, linkId, 1, 'Terrible, dirty and rude. Never again.');
    await analysed(owner, linkId, 2);
    const [event] = await eventsNamed('review.negative', 'reviewId', criticReview);
    expect(event).toMatchObject({ linkId, linkOwnerId: owner.id, authorId: critic.id });
    expect(event!.sentimentScore as number).toBeLessThan(0);
    expect(await eventsNamed('review.negative', 'reviewId', ownReview)).toEqual([]);
    // every new review is announced as review.posted
    expect(await eventsNamed('review.posted', 'reviewId', criticReview)).toHaveLength(1);
  });
});

describe('imported reviews', () => {
  it("imports a page's schema.org reviews as CRAWLED once, and only new ones on a recrawl", async () => {
    placeReviews = [
      { author: 'Mina', rating: 5, body: '커피가 정말 맛있고 직원분들이 친절해요', date: '2026-10-01' },
      {
        author: 'Sam',
        rating: 2,
        body: 'The coffee was bitter and the seats were uncomfortable.',
        date: '2026-10-03',
      },
    ];
    const [owner, visitor] = [await signUp(), await signUp()];
    const linkId = await save(owner, site.url('/cafe'));
    await ready(owner, linkId);
    const imported = await analysed(owner, linkId, 2);
    expect(imported.map((r) => [r.source, r.sourceAuthorName, r.author, r.rating]).sort()).toEqual([
      ['CRAWLED', 'Mina', null, 5],
      ['CRAWLED', 'Sam', null, 2],
    ]);
    expect(imported.find((r) => r.sourceAuthorName === 'Mina')!.createdAt).toBe('2026-10-01T00:00:00.000Z');
    // imported reviews are analysed on the bulk lane
    const bulk = new Queue('review-analysis-bulk', {
      connection: { url: stack().redisUrl },
      prefix: bullPrefix(stack().redisPrefix),
    });
    try {
      const id = imported[0]!.id;
      expect(await bulk.getJobState(`review-analysis-${id}-1`)).toBe('completed');
    } finally {
      await bulk.close();
    }

    const recrawl = async () => {
      await gql(
        'mutation($id: ID!) { recrawlLink(id: $id) { id } }',
        { id: linkId },
        { token: owner.accessToken },
      );
      await ready(owner, linkId);
    };
    const live = subscribe<{ reviewAdded: { source: string; sourceAuthorName: string; author: null } }>(
      'subscription($id: ID!) { reviewAdded(linkId: $id) { source sourceAuthorName author { handle } } }',
      { id: linkId },
      { token: visitor.accessToken },
    );
    await live.ready;
    const hits = site.hits.get('/cafe') ?? 0;
    await recrawl();
    expect(site.hits.get('/cafe')).toBeGreaterThan(hits);
    placeReviews.push({ author: 'Jo', rating: 4, body: 'Good espresso, a bit noisy.', date: '2026-10-09' });
    await recrawl();
    // a crawl's reviews are imported in one transaction: once Jo is there, so would be any re-imported Mina or
    // Sam, and exactly three named Jo, Mina and Sam means none was
    const after = await analysed(owner, linkId, 3);
    expect(after.map((r) => r.sourceAuthorName).sort()).toEqual(['Jo', 'Mina', 'Sam']);
    // imported reviews are announced live like posted ones, to anyone who may see the link
    const announced = await live.until((p) => p.reviewAdded.sourceAuthorName === 'Jo');
    expect(announced.reviewAdded).toEqual({ source: 'CRAWLED', sourceAuthorName: 'Jo', author: null });
    await live.close();
  });
});

describe('replies', () => {
  it("lets only the link's owner draft, in the review's language; others see it once PUBLISHED", async () => {
    const [owner, author, stranger] = [await signUp(), await signUp(), await signUp()];
    const linkId = await save(owner, 'https://signals.example/replies');
    const reviewId = await post(author, linkId, 1, '직원이 불친절하고 매장이 지저분했어요');
    await analysed(owner, linkId, 1);

    expect(firstCode(await gql(DRAFT, { id: reviewId }, { token: author.accessToken }))).toBe('FORBIDDEN');
    expect(firstCode(await gql(DRAFT, { id: reviewId }, { token: stranger.accessToken }))).toBe('FORBIDDEN');

    const { draftReply } = await execute<{
      draftReply: { id: string; body: string; status: string; generatedByAi: boolean };
    }>(DRAFT, { id: reviewId }, { token: owner.accessToken });
    expect(draftReply).toMatchObject({ status: 'DRAFT', generatedByAi: false });
    expect(draftReply.body).toMatch(/[가-힣]/); // Korean, like the review
    expect(draftReply.body).toMatch(/죄송/); // a negative review gets an apology

    const replyAs = async (who: TestAccount) => (await reviewsOf(who, linkId))[0]!.reply;
    expect((await replyAs(owner))?.status).toBe('DRAFT');
    expect(await replyAs(author)).toBeNull();

    const skip = await gql(UPDATE, { id: draftReply.id, status: 'PUBLISHED' }, { token: owner.accessToken });
    expect(firstCode(skip)).toBe('BAD_USER_INPUT');
    expect(skip.errors![0]!.extensions!.field).toBe('status');
    expect(
      firstCode(await gql(UPDATE, { id: draftReply.id, status: 'APPROVED' }, { token: author.accessToken })),
    ).toBe('NOT_FOUND');
    const rude = await gql(
      UPDATE,
      { id: draftReply.id, body: 'shut up, you idiot, fuck off' },
      { token: owner.accessToken },
    );
    expect([firstCode(rude), rude.errors![0]!.extensions!.field]).toEqual(['BAD_USER_INPUT', 'body']);

    const edited = await execute<{ updateReply: { body: string; status: string; generatedByAi: boolean } }>(
      UPDATE,
      {
        id: draftReply.id,
        body: '불편을 드려 죄송합니다. 청소와 응대를 바로 개선하겠습니다.',
        status: 'APPROVED',
      },
      { token: owner.accessToken },
    );
    expect(edited.updateReply).toMatchObject({ status: 'APPROVED', generatedByAi: false });
    expect(await replyAs(stranger)).toBeNull();

    await execute(UPDATE, { id: draftReply.id, status: 'PUBLISHED' }, { token: owner.accessToken });
    expect(await replyAs(stranger)).toMatchObject({ status: 'PUBLISHED', body: edited.updateReply.body });
    expect(await replyAs(author)).toMatchObject({ status: 'PUBLISHED' });
    const [published] = await eventsNamed('review.reply_published', 'replyId', draftReply.id);
    expect(published).toMatchObject({ reviewId, linkOwnerId: owner.id, reviewAuthorId: author.id });

    // a published reply stays: a new draft is refused, moving it back too
    expect(firstCode(await gql(DRAFT, { id: reviewId }, { token: owner.accessToken }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      firstCode(await gql(UPDATE, { id: draftReply.id, status: 'DRAFT' }, { token: owner.accessToken })),
    ).toBe('BAD_USER_INPUT');
    // once published, others who may see it are refused its edit as not theirs
    expect(
      firstCode(await gql(UPDATE, { id: draftReply.id, body: 'mine now' }, { token: stranger.accessToken })),
    ).toBe('FORBIDDEN');
  });

  it('drafts English replies for English reviews, thanking a happy reviewer', async () => {
    const [owner, author] = [await signUp(), await signUp()];
    const linkId = await save(owner, 'https://signals.example/replies-en');
    const reviewId = await post(author, linkId, 5, 'Lovely brunch and very friendly staff, thank you!');
    const { draftReply } = await execute<{ draftReply: { body: string } }>(
      DRAFT,
      { id: reviewId },
      { token: owner.accessToken },
    );
    expect(draftReply.body).toMatch(/^Thank you/);
    expect(draftReply.body).not.toMatch(/[가-힣]/);
  });
});

describe('insights', () => {
  it('reads a link with its rating, reviews, authors, sentiment, keywords, reply and insights in one request', async () => {
    const owner = await signUp();
    const linkId = await save(owner, 'https://signals.example/insights');
    const authors = [await signUp(), await signUp(), await signUp(), await signUp()];
    const bodies = [
      [5, 'The coffee is excellent and the staff are friendly.'],
      [4, 'Great coffee, nice terrace.'],
      [1, 'Cold coffee and rude staff.'],
      [3, 'We sat on the terrace.'],
    ] as const;
    const ids: string[] = [];
    for (const [i, [rating, body]] of bodies.entries())
      ids.push(await post(authors[i]!, linkId, rating, body));
    await analysed(owner, linkId, 4);
    const { draftReply } = await execute<{ draftReply: { id: string } }>(
      DRAFT,
      { id: ids[2] },
      { token: owner.accessToken },
    );
    await execute(UPDATE, { id: draftReply.id, status: 'APPROVED' }, { token: owner.accessToken });
    await execute(UPDATE, { id: draftReply.id, status: 'PUBLISHED' }, { token: owner.accessToken });

    const reader = await signUp();
    const { link } = await execute<{
      link: {
        rating: { average: number; count: number; distribution: number[] };
        reviews: { edges: { node: ReviewNode }[] };
        insights: {
          sentiment: number[];
          topKeywords: { keyword: string; count: number }[];
          weeklyAverage: number[];
        };
      };
    }>(
      `query($id: ID!) { link(id: $id) {
        rating { average count distribution }
        reviews(first: 10) { edges { node { author { handle } sentiment sentimentScore keywords reply { body status } } } }
        insights { sentiment topKeywords { keyword count } weeklyAverage }
      } }`,
      { id: linkId },
      { token: reader.accessToken },
    );
    expect(link.rating).toEqual({ average: 3.25, count: 4, distribution: [1, 0, 1, 1, 1] });
    const handles = link.reviews.edges.map((e) => e.node.author!.handle).sort();
    expect(handles).toEqual(authors.map((a) => a.handle).sort());
    expect(link.reviews.edges.filter((e) => e.node.reply?.status === 'PUBLISHED')).toHaveLength(1);
    expect(link.insights.sentiment).toEqual([2, 1, 1]);
    expect(link.insights.topKeywords[0]).toEqual({ keyword: 'coffee', count: 3 });
    expect(link.insights.topKeywords).toEqual(
      expect.arrayContaining([
        { keyword: 'staff', count: 2 },
        { keyword: 'terrace', count: 2 },
      ]),
    );
    expect(link.insights.weeklyAverage).toHaveLength(12);
    expect(link.insights.weeklyAverage.slice(0, 11)).toEqual(new Array(11).fill(0));
    expect(link.insights.weeklyAverage[11]).toBe(3.25);
  });

  it('keeps the counts it reads equal to the reviews through edits, deletions and the link going away', async () => {
    const owner = await signUp();
    const linkId = await save(owner, 'https://signals.example/counts');
    const people = [await signUp(), await signUp(), await signUp()];
    const ids = [
      await post(people[0]!, linkId, 5, 'Excellent coffee and friendly staff.'),
      await post(people[1]!, linkId, 2, 'Cold coffee, slow service.'),
      await post(people[2]!, linkId, 4, 'Nice terrace and good coffee.'),
    ];
    await analysed(owner, linkId, 3);
    await post(people[1]!, linkId, 3, 'Better this time: the coffee was warm.');
    await execute(
      'mutation($id: ID!) { deleteReview(id: $id) }',
      { id: ids[2] },
      { token: people[2]!.accessToken },
    );
    await analysed(owner, linkId, 2);

    const counted = await execute<{
      link: {
        rating: { distribution: number[] };
        insights: { sentiment: number[]; topKeywords: { keyword: string; count: number }[] };
      };
    }>(
      'query($id: ID!) { link(id: $id) { rating { distribution } insights { sentiment topKeywords { keyword count } } } }',
      { id: linkId },
      { token: owner.accessToken },
    );
    const stars = await db.query<{ rating: number; n: number }>(
      'SELECT rating, count(*)::int AS n FROM review.reviews WHERE link_id = $1 GROUP BY rating',
      [linkId],
    );
    const distribution = [1, 2, 3, 4, 5].map((r) => stars.rows.find((row) => row.rating === r)?.n ?? 0);
    expect(counted.link.rating.distribution).toEqual(distribution);
    expect(distribution.reduce((a, b) => a + b)).toBe(2);
    const sentiments = await db.query<{ sentiment: string; n: number }>(
      'SELECT sentiment, count(*)::int AS n FROM review.reviews WHERE link_id = $1 GROUP BY sentiment',
      [linkId],
    );
    expect(counted.link.insights.sentiment).toEqual(
      ['POSITIVE', 'NEUTRAL', 'NEGATIVE'].map((s) => sentiments.rows.find((r) => r.sentiment === s)?.n ?? 0),
    );
    const keywords = await db.query<{ keyword: string; count: number }>(
      `SELECT keyword, count(*)::int AS count FROM review.review_keywords WHERE link_id = $1
        GROUP BY keyword ORDER BY count DESC, keyword LIMIT 10`,
      [linkId],
    );
    expect(counted.link.insights.topKeywords).toEqual(keywords.rows);
    expect(keywords.rows[0]).toEqual({ keyword: 'coffee', count: 2 });

    await execute('mutation($id: ID!) { deleteLink(id: $id) }', { id: linkId }, { token: owner.accessToken });
    await vi.waitFor(
      async () => {
        const { rows } = await db.query(
          `SELECT (SELECT stars_1 + stars_2 + stars_3 + stars_4 + stars_5 + positive + neutral + negative
                     FROM review.link_review_stats WHERE link_id = $1) AS stats,
                  (SELECT count(*)::int FROM review.link_keyword_counts WHERE link_id = $1) AS keywords,
                  (SELECT COALESCE(sum(reviews), 0)::int FROM review.link_weekly_ratings WHERE link_id = $1) AS weeks`,
          [linkId],
        );
        expect(rows[0]).toEqual({ stats: 0, keywords: 0, weeks: 0 });
      },
      { timeout: 10_000, interval: 200 },
    );
  });
});
