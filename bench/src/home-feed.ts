/**
 * homeFeed at scale: 10,000 accounts and 1,000,000 feed items (100 per account over 30 days, mostly PUBLIC
 * links, some FOLLOWERS and PRIVATE), 200 signed-in readers each following 100 accounts (a tenth of them big
 * accounts, merged at read time), 200 concurrent clients each reading its own first page through the gateway.
 */
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@link-archive/core';
import { startIsolatedStack } from '@link-archive/devstack';
import { ACTIVITY_LOG2 } from '@link-archive/feed-domain';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { gql, percentile } from './bench-client';
import { pacedClients, type PacedResult } from './paced-clients';

const USERS = 10_000;
const ITEMS_PER_USER = 100;
const READERS = 200;
const FOLLOWS_PER_READER = 100;
const BIG_ACCOUNTS = 50;
const SECONDS = Number(process.env.BENCH_HOME_SECONDS ?? 20);
/** The paced clients' first seconds, not counted: the same connections, JIT and caches warm. */
const WARM_UP_SECONDS = 10;
/** How often each client of the paced run reloads its first page (a pull-to-refresh every second). */
const REFRESHES_PER_CLIENT_PER_SECOND = 1;

export interface HomeFeedFigures {
  users: number;
  items: number;
  readers: number;
  cold: { p50: number; p99: number };
  /** Each of the 200 clients reloading once a second, through the gateway: the target's figure. */
  paced: PacedResult;
  /** The feed subgraph alone, with the gateway's credential. */
  direct: { p50: number; p99: number; requestsPerSecond: number };
  p50: number;
  p99: number;
  requestsPerSecond: number;
  errors: number;
}

const HOME =
  '{ homeFeed(first: 20) { edges { cursor node { id kind createdAt link { id } } } pageInfo { hasNextPage } } }';

async function seed(db: Pool, readerIds: string[]): Promise<void> {
  await db.query(
    `CREATE TEMP TABLE bench_users AS
    SELECT gen_random_uuid() AS id, g AS n FROM generate_series(1, ${USERS - readerIds.length}) g
    UNION ALL SELECT r::uuid, ${USERS} + ordinality FROM unnest($1::text[]) WITH ORDINALITY r`,
    [readerIds],
  );
  await db.query('INSERT INTO feed.accounts (user_id) SELECT id FROM bench_users ON CONFLICT DO NOTHING');
  // each user's links: PUBLIC mostly, every tenth FOLLOWERS, every twentieth PRIVATE
  await db.query(`CREATE TEMP TABLE bench_links AS
    SELECT gen_random_uuid() AS link_id, u.id AS owner_id, k,
           CASE WHEN k % 20 = 0 THEN 'PRIVATE' WHEN k % 10 = 0 THEN 'FOLLOWERS' ELSE 'PUBLIC' END AS visibility,
           date_trunc('milliseconds', now() - random() * interval '30 days') AS at
      FROM bench_users u, generate_series(1, ${ITEMS_PER_USER}) k`);
  await db.query(`INSERT INTO feed.link_access (link_id, owner_id, visibility, tags, ready, as_of)
    SELECT link_id, owner_id, visibility, '{}', true, now() FROM bench_links`);
  await db.query(`INSERT INTO feed.feed_items (kind, actor_id, link_id, link_owner_id, dedupe_key, created_at)
    SELECT 'LINK_SAVED', owner_id, link_id, owner_id, 'LINK_SAVED:' || link_id, at FROM bench_links`);
  // each save's popularity, as the feed domain's addFeedItem keeps it
  await db.query(`INSERT INTO feed.link_scores (link_id, weight_log2)
    SELECT link_id, ${ACTIVITY_LOG2('at')} FROM bench_links`);
  // readers follow 100 accounts each, the first BIG_ACCOUNTS users among them
  await db.query(`INSERT INTO feed.follows (follower_id, followee_id)
    SELECT r.id, f.id FROM bench_users r
      CROSS JOIN LATERAL (SELECT id FROM bench_users o WHERE o.n <= ${USERS - READERS} AND o.id <> r.id
                           ORDER BY (o.n <= ${BIG_ACCOUNTS}) DESC, random() LIMIT ${FOLLOWS_PER_READER}) f
     WHERE r.n > ${USERS - READERS} ON CONFLICT DO NOTHING`);
  // the big accounts have many followers elsewhere: over the fan-out threshold, merged at read time
  await db.query(`INSERT INTO feed.follower_counts (user_id, followers)
    SELECT followee_id, count(*) + CASE WHEN n <= ${BIG_ACCOUNTS} THEN 100000 ELSE 0 END
      FROM feed.follows JOIN bench_users ON id = followee_id GROUP BY followee_id, n
    ON CONFLICT (user_id) DO UPDATE SET followers = EXCLUDED.followers`);
  await db.query('VACUUM ANALYZE feed.feed_items');
  await db.query('VACUUM ANALYZE feed.follows');
  await db.query('VACUUM ANALYZE feed.link_access');
  await db.query('VACUUM ANALYZE feed.follower_counts');
  await db.query('VACUUM ANALYZE feed.link_scores');
  // the seed's writes reach disk now, not in a checkpoint in the middle of the measurement
  await db.query('CHECKPOINT');
}

/** READERS connections back to back for SECONDS, each request with the next reader's headers. */
function rotating(url: string, headers: Record<string, string>[]) {
  let next = 0;
  return autocannon({
    url,
    method: 'POST',
    connections: READERS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: HOME }),
    requests: [
      {
        setupRequest: (req: autocannon.Request) => ({
          ...req,
          headers: { ...req.headers, ...headers[next++ % headers.length] },
        }),
      },
    ],
  });
}

export async function runHomeFeedBenchmark(): Promise<HomeFeedFigures> {
  const stack = await startIsolatedStack('bench_home', {
    RATE_LIMIT_PER_MINUTE: '100000000',
    SIGNUP_MAX_PER_IP: '100000',
    FANOUT_MAX_FOLLOWERS: '10000',
  });
  const db = new Pool({ connectionString: stack.databaseUrl, max: 4 });
  try {
    const readers: { id: string; token: string }[] = [];
    for (let i = 0; i < READERS; i++) {
      const { signUpAnonymous } = await gql<{
        signUpAnonymous: { accessToken: string; user: { id: string } };
      }>(stack.gatewayUrl, 'mutation { signUpAnonymous { accessToken user { id } } }');
      readers.push({ id: signUpAnonymous.user.id, token: signUpAnonymous.accessToken });
    }
    console.log(`seeding ${USERS} accounts and ${USERS * ITEMS_PER_USER} feed items…`);
    await seed(
      db,
      readers.map((r) => r.id),
    );

    // cold: each reader's first page builds its timeline from PostgreSQL
    const cold: number[] = [];
    await Promise.all(
      readers.map(async (r) => {
        const started = performance.now();
        const data = await gql<{ homeFeed: { edges: unknown[] } }>(stack.gatewayUrl, HOME, {}, r.token);
        cold.push(performance.now() - started);
        if (data.homeFeed.edges.length !== 20) throw new Error('a reader got a short page');
      }),
    );
    cold.sort((a, b) => a - b);

    const bearers = readers.map((r) => ({ authorization: `Bearer ${r.token}` }));
    const paced = await pacedClients({
      url: stack.gatewayUrl,
      clients: READERS,
      intervalMs: 1_000 / REFRESHES_PER_CLIENT_PER_SECOND,
      warmUpSeconds: WARM_UP_SECONDS,
      seconds: SECONDS,
      request: (i) => ({ headers: bearers[i]!, body: JSON.stringify({ query: HOME }) }),
    });
    const result = await rotating(stack.gatewayUrl, bearers);
    // the same straight to the feed subgraph with the gateway's credential (internal tokens live 60 s)
    const internal = await Promise.all(
      readers.map(async (r) => ({
        [INTERNAL_TOKEN_HEADER]: await signInternalToken(stack.secrets.gatewaySecret, {
          viewer: { userId: r.id, role: 'USER', plan: 'FREE', anonymous: true, sessionId: 'bench' },
          partnerKeyId: null,
          clientIp: '127.0.0.1',
        }),
      })),
    );
    const direct = await rotating(stack.subgraphUrls.feed, internal);
    return {
      direct: {
        p50: direct.latency.p50,
        p99: direct.latency.p99,
        requestsPerSecond: direct.requests.average,
      },
      users: USERS,
      items: USERS * ITEMS_PER_USER,
      readers: READERS,
      cold: { p50: percentile(cold, 0.5), p99: percentile(cold, 0.99) },
      paced,
      p50: result.latency.p50,
      p99: result.latency.p99,
      requestsPerSecond: result.requests.average,
      errors: result.errors + result.timeouts + result.non2xx,
    };
  } finally {
    await db.end();
    await stack.close();
  }
}

export function homeFeedSection(f: HomeFeedFigures): string {
  return `## homeFeed at ${f.users.toLocaleString('en')} accounts and ${f.items.toLocaleString('en')} feed items

${f.readers} signed-in readers, each following ${FOLLOWS_PER_READER} accounts (${BIG_ACCOUNTS} of them big accounts over the
fan-out threshold, merged at read time), ${f.readers} concurrent clients each reading its own first page
(\`homeFeed(first: 20)\`) through the gateway for ${SECONDS} s (\`BENCH_ONLY=home npm run bench\`). Cold: every reader's first
read, which builds its Redis timeline from PostgreSQL, all at once. Paced: each client reloads its page
${REFRESHES_PER_CLIENT_PER_SECOND} time a second over its own keep-alive connection (the target's figure), counted after ${WARM_UP_SECONDS} s of the same. Back to back: each of the ${f.readers} connections sends its next request as
soon as the last is answered, the most this machine serves (latency there is queueing: ${f.readers} requests always in flight).

| measure | value |
| --- | ---: |
| cold first page, p50 / p99 | ${f.cold.p50} ms / ${f.cold.p99} ms |
| paced (${f.readers} clients × ${REFRESHES_PER_CLIENT_PER_SECOND}/s), through the gateway, p50 / p99 | ${f.paced.p50} ms / ${f.paced.p99} ms |
| paced requests/s, errors | ${Math.round(f.paced.requestsPerSecond)}, ${f.paced.errors} |
| back to back, through the gateway, p50 / p99 | ${f.p50} ms / ${f.p99} ms |
| back to back requests/s | ${Math.round(f.requestsPerSecond)} |
| feed subgraph direct (no gateway), back to back, p50 / p99 | ${f.direct.p50} ms / ${f.direct.p99} ms |
| feed subgraph direct, back to back requests/s | ${Math.round(f.direct.requestsPerSecond)} |
| errors | ${f.errors} |
`;
}
