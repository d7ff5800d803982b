/**
 * searchLinks at 1,000,000 links: 10,000 owners with 100 links each (English titles, descriptions, excerpts and
 * tags from a 2,000-word vocabulary, a tenth Korean), 80 % PUBLIC, 10 % FOLLOWERS, 10 % PRIVATE; one reader who
 * follows 100 owners searches one- and two-word English queries and Korean word parts through the gateway.
 */
import { startIsolatedStack } from '@link-archive/devstack';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { gql } from './bench-client';

const LINKS = Number(process.env.BENCH_SEARCH_LINKS ?? 1_000_000);
const OWNERS = 10_000;
const SECONDS = Number(process.env.BENCH_SEARCH_SECONDS ?? 20);
const CONNECTIONS = 10;

export interface SearchFigures {
  links: number;
  seedSeconds: number;
  p50: number;
  p99: number;
  requestsPerSecond: number;
  errors: number;
}

const SEARCH = `query($q: String!) { searchLinks(query: $q, first: 20) {
  edges { node { id title searchHighlight } } pageInfo { hasNextPage endCursor } } }`;

async function seed(db: Pool, readerId: string): Promise<void> {
  // a vocabulary: english-like words w0…w1999 spelled from syllables, and Korean words from syllable pairs
  await db.query(`CREATE TEMP TABLE vocab AS
    SELECT g AS n, (ARRAY['ka','lo','mi','ter','san','vel','dor','pin','ru','shen','ta','quo','ber','lin','mar','zo'])[1 + g % 16]
       || (ARRAY['ven','ris','tal','mon','gar','lix','dun','pel','sor','nak'])[1 + (g / 16) % 10]
       || (ARRAY['a','er','ing','ed','on','is','um','y'])[1 + (g / 160) % 8] AS en,
       (ARRAY['서울','부산','냉면','바다','여행','커피','산책','시장','음악','사진','가을','겨울'])[1 + g % 12]
       || (ARRAY['에서','으로','맛집','기록','이야기','풍경','','의'])[1 + (g / 12) % 8] AS ko
    FROM generate_series(0, 1999) g`);
  await db.query(
    `CREATE TEMP TABLE owners AS SELECT gen_random_uuid() AS id, g AS n FROM generate_series(1, ${OWNERS - 1}) g
     UNION ALL SELECT $1::uuid, ${OWNERS}`,
    [readerId],
  );
  const words = (count: number, seedExpr: string) =>
    `(SELECT string_agg(CASE WHEN ((${seedExpr}) + k) % 10 = 0 THEN v.ko ELSE v.en END, ' ')
        FROM generate_series(1, ${count}) k JOIN vocab v ON v.n = abs(hashtext((${seedExpr})::text || '.' || k::text)) % 2000)`;
  await db.query(`INSERT INTO link.links (owner_id, url, normalized_url, title, description, excerpt, tags, status,
      visibility, created_at)
    SELECT o.id, 'https://bench.invalid/' || o.n || '/' || i, 'https://bench.invalid/' || o.n || '/' || i,
           ${words(6, 'o.n * 1000 + i')}, ${words(12, 'o.n * 2000 + i')}, ${words(24, 'o.n * 3000 + i')},
           jsonb_build_array(jsonb_build_object('name', (SELECT en FROM vocab WHERE n = (o.n + i) % 2000),
             'source', 'USER', 'confidence', 1)),
           'READY', CASE WHEN i % 10 = 0 THEN 'PRIVATE' WHEN i % 10 = 1 THEN 'FOLLOWERS' ELSE 'PUBLIC' END,
           now() - (i || ' hours')::interval
      FROM owners o, generate_series(1, ${Math.ceil(LINKS / OWNERS)}) i`);
  // the reader follows 100 owners (the link domain's follow projection)
  await db.query(
    `INSERT INTO link.follows (follower_id, followee_id)
    SELECT $1, id FROM owners WHERE n <= 100 ON CONFLICT DO NOTHING`,
    [readerId],
  );
  await db.query('VACUUM ANALYZE link.links');
  await db.query('CHECKPOINT');
}

export async function runLinkSearchBenchmark(): Promise<SearchFigures> {
  const stack = await startIsolatedStack('bench_search', { RATE_LIMIT_PER_MINUTE: '100000000' });
  const db = new Pool({ connectionString: stack.databaseUrl, max: 2 });
  try {
    const { signUpAnonymous } = await gql<{ signUpAnonymous: { accessToken: string; user: { id: string } } }>(
      stack.gatewayUrl,
      'mutation { signUpAnonymous { accessToken user { id } } }',
    );
    console.log(`seeding ${LINKS.toLocaleString('en')} links…`);
    const started = performance.now();
    await seed(db, signUpAnonymous.user.id);
    const seedSeconds = Math.round((performance.now() - started) / 1000);
    const { rows } = await db.query<{ q: string }>(`
      (SELECT en AS q FROM vocab ORDER BY random() LIMIT 60)
      UNION ALL (SELECT a.en || ' ' || b.en FROM vocab a, vocab b WHERE a.n = (b.n * 7) % 2000 ORDER BY random() LIMIT 30)
      UNION ALL (SELECT left(ko, 2) FROM vocab ORDER BY random() LIMIT 10)`);
    const queries = rows.map((r) => JSON.stringify({ query: SEARCH, variables: { q: r.q } }));
    let next = 0;
    const result = await autocannon({
      url: stack.gatewayUrl,
      method: 'POST',
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${signUpAnonymous.accessToken}`,
      },
      requests: [
        { setupRequest: (req: autocannon.Request) => ({ ...req, body: queries[next++ % queries.length] }) },
      ],
    });
    return {
      links: LINKS,
      seedSeconds,
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

export function linkSearchSection(f: SearchFigures): string {
  return `## searchLinks at ${f.links.toLocaleString('en')} links

${OWNERS.toLocaleString('en')} owners with ${Math.ceil(f.links / OWNERS)} links each (titles, descriptions, excerpts and a tag from a 2,000-word
vocabulary, a tenth of the words Korean), 80 % PUBLIC, 10 % FOLLOWERS, 10 % PRIVATE; one signed-in reader following
100 owners sends 100 distinct queries (60 one-word, 30 two-word, 10 two-syllable Korean word parts) through the gateway,
${CONNECTIONS} connections back to back for ${SECONDS} s (\`BENCH_ONLY=search npm run bench\`). Seeding and indexing took ${f.seedSeconds} s.

| measure | value |
| --- | ---: |
| p50 / p99 | ${f.p50} ms / ${f.p99} ms |
| requests/s | ${Math.round(f.requestsPerSecond)} |
| errors | ${f.errors} |
`;
}
