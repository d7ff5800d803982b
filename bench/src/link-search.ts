/**
 * searchLinks at 1,000,000 links: 10,000 owners with 100 links each over two years (words drawn by frequency, a
 * tenth Korean), 80 % PUBLIC, 10 % FOLLOWERS, 10 % PRIVATE; one reader who follows 100 owners searches common and
 * rare words, pairs and Korean word parts through the gateway, paced as people and back to back.
 */
import { startIsolatedStack } from '@link-archive/devstack';
import autocannon from 'autocannon';
import { Pool, type PoolClient } from 'pg';
import { gql } from './bench-client';
import { pacedClients, type PacedResult } from './paced-clients';

const LINKS = Number(process.env.BENCH_SEARCH_LINKS ?? 1_000_000);
const OWNERS = 10_000;
const SECONDS = Number(process.env.BENCH_SEARCH_SECONDS ?? 20);
const CONNECTIONS = 10;

/** People searching: each of these clients sends a search every PACED_INTERVAL_MS (after a warm-up). */
const PACED_CLIENTS = 20;
const PACED_INTERVAL_MS = 1_000;

export interface SearchFigures {
  links: number;
  seedSeconds: number;
  paced: PacedResult;
  /** CONNECTIONS requests always in flight: the machine's throughput. */
  p50: number;
  p99: number;
  requestsPerSecond: number;
  errors: number;
}

const SEARCH = `query($q: String!) { searchLinks(query: $q, first: 20) {
  edges { node { id title searchHighlight } } pageInfo { hasNextPage endCursor } } }`;

const ENGLISH_WORDS = 20_000;
const KOREAN_WORDS = 2_025;
/** Zipf-Mandelbrot offset: the commonest content word is in about one link in eight, as in real text less stop words. */
const ZIPF_Q = 50;
/** Saves spread over two years, inserted oldest first (the table's order is the order links were saved in). */
const SPREAD_SECONDS = 2 * 365 * 86_400;

/** A word rank drawn from p(r) ∝ 1/(r + q) (inverse of its continuous CDF). */
const zipfRank = (n: number) =>
  `least(${n - 1}, floor(${ZIPF_Q} * power(${(n + ZIPF_Q) / ZIPF_Q}::float8, random()) - ${ZIPF_Q}))::int`;

/**
 * The corpus: English-like words spelled from syllables (endings the English stemmer leaves alone, so every word is
 * its own lexeme) and Korean words of two syllables, a particle on some, drawn by word frequency (Zipf), a tenth of
 * the words Korean. Search indexes are dropped while rows go in and built again after, as a restore would.
 */
export async function seedSearchCorpus(db: Pool, readerId: string, links: number): Promise<string[]> {
  const client = await db.connect();
  try {
    await client.query(`SELECT setseed(0.42)`);
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query(`CREATE TEMP TABLE en_vocab AS
      SELECT g AS r, (ARRAY['ka','lo','mi','ter','san','vel','dor','pin','ru','shen','ta','quo','ber','lin','mar','zo'])[1 + g % 16]
         || (ARRAY['ven','ris','tal','mon','gar','lix','dun','pel','sor','nak','bri','cau','fen','hol','jus','wex'])[1 + (g / 16) % 16]
         || (ARRAY['ba','do','fi','go','hu','jo','ki','mu','no','pu'])[1 + (g / 256) % 10]
         || (ARRAY['ok','ax','ub','ip','oz','av','ek','uf'])[1 + (g / 2560) % 8] AS word
      FROM generate_series(0, ${ENGLISH_WORDS - 1}) g`);
    await client.query(`CREATE TEMP TABLE ko_vocab AS
      SELECT g AS r, s[1 + g % 45] || s[1 + (g / 45) % 45] AS word
        FROM generate_series(0, ${KOREAN_WORDS - 1}) g,
             (SELECT string_to_array('서,울,부,산,냉,면,바,다,여,행,커,피,책,시,장,음,악,사,진,가,을,겨,한,국,맛,집,기,록,풍,경,공,원,길,강,하,늘,별,빛,꽃,나,무,숲,밤,아,침', ',') AS s) syllables`);
    await client.query(
      `CREATE TEMP TABLE owners AS
      SELECT gen_random_uuid() AS id, g AS n FROM generate_series(1, ${OWNERS - 1}) g
      UNION ALL SELECT $1::uuid, ${OWNERS}`,
      [readerId],
    );
    const particle = `(ARRAY['에서','의','으로','은','','','',''])[1 + floor(random() * 8)::int]`;
    // k keeps each draw inside the row's series (an uncorrelated subquery would run once for all rows)
    const words = (count: number) =>
      `(SELECT string_agg(CASE WHEN random() < 0.1 THEN v.ko[1 + ${zipfRank(KOREAN_WORDS)} + k * 0] || ${particle}
                               ELSE v.en[1 + ${zipfRank(ENGLISH_WORDS)} + k * 0] END, ' ')
          FROM generate_series(1, ${count} + o.n * 0) k)`;
    const vocabulary = `(SELECT (SELECT array_agg(word ORDER BY r) FROM en_vocab) AS en,
                                (SELECT array_agg(word ORDER BY r) FROM ko_vocab) AS ko) v`;
    const { rows: gin } = await client.query<{ name: string; definition: string; statistics: number }>(
      `SELECT i.indexname AS name, i.indexdef AS definition, coalesce(a.attstattarget, -1) AS statistics
         FROM pg_indexes i
         LEFT JOIN pg_attribute a ON a.attrelid = format('link.%I', i.indexname)::regclass AND a.attnum = 1
        WHERE i.schemaname = 'link' AND i.tablename = 'links' AND i.indexdef LIKE '%USING gin%'`,
    );
    for (const index of gin) await client.query(`DROP INDEX link."${index.name}"`);
    await client.query(`INSERT INTO link.links (owner_id, url, normalized_url, title, description, excerpt, tags,
        status, visibility, created_at)
      SELECT o.id, 'https://bench.invalid/' || o.n || '/' || i, 'https://bench.invalid/' || o.n || '/' || i,
             ${words(6)}, ${words(12)}, ${words(24)},
             jsonb_build_array(jsonb_build_object('name', v.en[1 + ${zipfRank(ENGLISH_WORDS)} + o.n * 0],
               'source', 'USER', 'confidence', 1)),
             'READY',
             CASE (i + o.n) % 10 WHEN 0 THEN 'PRIVATE' WHEN 1 THEN 'FOLLOWERS' ELSE 'PUBLIC' END,
             now() - (((i - 1) * ${OWNERS} + o.n) * ${SPREAD_SECONDS / links} || ' seconds')::interval
        FROM owners o, generate_series(1, ${Math.ceil(links / OWNERS)}) i, ${vocabulary}
       ORDER BY i DESC, o.n DESC`);
    for (const index of gin) {
      await client.query(index.definition);
      if (index.statistics > 0)
        await client.query(
          `ALTER INDEX link."${index.name}" ALTER COLUMN 1 SET STATISTICS ${index.statistics}`,
        );
    }
    // the reader follows 100 owners (the link domain's follow projection)
    await client.query(
      `INSERT INTO link.follows (follower_id, followee_id)
      SELECT $1, id FROM owners WHERE n <= 100 ON CONFLICT DO NOTHING`,
      [readerId],
    );
    await client.query('VACUUM ANALYZE link.links');
    await client.query('CHECKPOINT');
    return await searchQueries(client);
  } finally {
    client.release();
  }
}

/** Queries as people type them: common words often (drawn by frequency), rare ones too, pairs, Korean word starts. */
async function searchQueries(client: PoolClient): Promise<string[]> {
  const en = `v.en[1 + ${zipfRank(ENGLISH_WORDS)} + g * 0]`;
  const { rows } = await client.query<{ q: string }>(`
    WITH v AS (SELECT (SELECT array_agg(word ORDER BY r) FROM en_vocab) AS en,
                      (SELECT array_agg(word ORDER BY r) FROM ko_vocab) AS ko)
    (SELECT ${en} AS q FROM v, generate_series(1, 50) g)
    UNION ALL (SELECT ${en} || ' ' || ${en} FROM v, generate_series(1, 20) g)
    UNION ALL (SELECT word FROM en_vocab ORDER BY random() LIMIT 20)
    UNION ALL (SELECT v.ko[1 + ${zipfRank(KOREAN_WORDS)} + g * 0] FROM v, generate_series(1, 10) g)`);
  return rows.map((r) => r.q);
}

export async function runLinkSearchBenchmark(): Promise<SearchFigures> {
  const stack = await startIsolatedStack('bench_search', { RATE_LIMIT_PER_MINUTE: '100000000' });
  const db = new Pool({ connectionString: stack.databaseUrl, max: 2 });
  try {
    const { signUpAnonymous } = await gql<{
      signUpAnonymous: { refreshToken: string; user: { id: string } };
    }>(stack.gatewayUrl, 'mutation { signUpAnonymous { refreshToken user { id } } }');
    console.log(`seeding ${LINKS.toLocaleString('en')} links…`);
    const started = performance.now();
    const searches = await seedSearchCorpus(db, signUpAnonymous.user.id, LINKS);
    const seedSeconds = Math.round((performance.now() - started) / 1000);
    const queries = searches.map((q) => JSON.stringify({ query: SEARCH, variables: { q } }));
    // the reader's access token is taken now: seeding takes longer than one lasts
    const { refreshSession } = await gql<{ refreshSession: { accessToken: string } }>(
      stack.gatewayUrl,
      'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }',
      { t: signUpAnonymous.refreshToken },
    );
    const headers = { authorization: `Bearer ${refreshSession.accessToken}` };
    let sent = 0;
    const pace = (seconds: number) =>
      pacedClients({
        url: stack.gatewayUrl,
        clients: PACED_CLIENTS,
        intervalMs: PACED_INTERVAL_MS,
        seconds,
        request: () => ({ headers, body: queries[sent++ % queries.length]! }),
      });
    await pace(3);
    const paced = await pace(SECONDS);
    let next = 0;
    const result = await autocannon({
      url: stack.gatewayUrl,
      method: 'POST',
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: {
        'content-type': 'application/json',
        ...headers,
      },
      requests: [
        { setupRequest: (req: autocannon.Request) => ({ ...req, body: queries[next++ % queries.length] }) },
      ],
    });
    return {
      links: LINKS,
      seedSeconds,
      paced,
      p50: result.latency.p50,
      p99: result.latency.p99,
      requestsPerSecond: result.requests.average,
      errors: result.errors + result.timeouts + result.non2xx + paced.errors,
    };
  } finally {
    await db.end();
    await stack.close();
  }
}

export function linkSearchSection(f: SearchFigures): string {
  return `## searchLinks at ${f.links.toLocaleString('en')} links

${OWNERS.toLocaleString('en')} owners with ${Math.ceil(f.links / OWNERS)} links each saved over two years (titles, descriptions, excerpts and a tag; words
drawn by frequency (Zipf) from 20,000 English-like words, a tenth of them from 2,025 Korean ones: the commonest word is
in about one link in eight), 80 % PUBLIC, 10 % FOLLOWERS, 10 % PRIVATE; one signed-in reader following 100 owners
sends 100 queries (50 one-word and 20 two-word drawn by frequency, 20 rare words, 10 Korean two-syllable words that
are mostly parts of longer ones) through the gateway (\`BENCH_ONLY=search npm run bench\`). Seeding and indexing
took ${f.seedSeconds} s. Target: p99 under 50 ms.

| load | p50 | p99 | requests/s | errors |
| --- | ---: | ---: | ---: | ---: |
| ${PACED_CLIENTS} people each searching once a second | ${f.paced.p50} ms | ${f.paced.p99} ms | ${Math.round(f.paced.requestsPerSecond)} | ${f.paced.errors} |
| ${CONNECTIONS} requests always in flight (back to back) | ${f.p50} ms | ${f.p99} ms | ${Math.round(f.requestsPerSecond)} | ${f.errors - f.paced.errors} |
`;
}
