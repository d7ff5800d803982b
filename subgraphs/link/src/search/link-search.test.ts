import { randomBytes, randomUUID } from 'node:crypto';
import { createLogger, MAX_PAGE_SIZE, type Viewer } from '@link-archive/core';
import { stack } from '@link-archive/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkDataSource } from '../data-source';
import { Link } from '../link/link.entity';
import { LinkSearch, SEARCH_WINDOW, widened, windowPlan } from './link-search';
import { savedBuckets } from './saved-buckets';

const ds = linkDataSource({
  url: stack().databaseUrl,
  poolSize: 2,
  logger: createLogger('link-search-test'),
});
const word = `zqwin${randomBytes(3).toString('hex')}`;
const owner = randomUUID();

beforeAll(() => ds.initialize());
afterAll(async () => {
  await ds.query('DELETE FROM link.links WHERE owner_id = $1', [owner]);
  await ds.destroy();
});

/** A link of the owner's, PUBLIC, `hoursAgo` old, with the word in its title or description. */
const insert = (rows: { title: string; description: string; hoursAgo: number }[]) =>
  ds.query(
    `INSERT INTO link.links (owner_id, url, normalized_url, title, description, status, visibility, created_at)
     SELECT $1, 'https://window.test/' || r.n, 'https://window.test/' || r.n, r.title, r.description, 'READY',
            'PUBLIC', now() - r.hours * interval '1 hour'
       FROM unnest($2::text[], $3::text[], $4::int[]) WITH ORDINALITY AS r(title, description, hours, n)`,
    [owner, rows.map((r) => r.title), rows.map((r) => r.description), rows.map((r) => r.hoursAgo)],
  );

const stats = { links: 1_000_000, savesPerHour: 1_370, spanHours: 2 * 365 * 24 };

describe('windowPlan', () => {
  it('walks the newest links for a common query, slices a middling one, takes all matches of a rare one', () => {
    expect(windowPlan(125_000, stats)).toEqual({ kind: 'walk', rows: 4_800 });
    expect(windowPlan(20_000, stats)).toEqual({ kind: 'slice', hours: 22 });
    // a rarer query's slice reaches back months, still reading about twice the window's rows, not all 5,000
    expect(windowPlan(5_000, stats)).toEqual({ kind: 'slice', hours: 88 });
    expect(windowPlan(800, stats)).toEqual({ kind: 'all' });
    // a middling query in a young archive: the slice would reach back to its first link
    expect(windowPlan(20_000, { ...stats, spanHours: 20 })).toEqual({ kind: 'all' });
  });

  it('widens a plan that fell short by how many matches it found, to all in the end', () => {
    expect(widened({ kind: 'slice', hours: 22 }, 50, stats)).toEqual({ kind: 'slice', hours: 264 });
    expect(widened({ kind: 'slice', hours: 22 }, 250, stats)).toEqual({ kind: 'slice', hours: 53 });
    expect(widened({ kind: 'slice', hours: 73 }, 0, stats)).toEqual({ kind: 'all' });
    expect(widened({ kind: 'walk', rows: 4_800 }, 250, stats)).toEqual({ kind: 'slice', hours: 9 });
  });
});

describe('link.tsquery_in_weights', () => {
  it('restricts every lexeme of a query to the weights, through phrases, negation, prefixes and quotes', async () => {
    const [row] = await ds.query(
      `SELECT link.tsquery_in_weights(websearch_to_tsquery('english', $1), 'AB')::text AS english,
              link.tsquery_in_weights($2::tsquery, 'A')::text AS korean`,
      [`dog's "cat food" -mouse or bird`, `'서울' <-> '울에' & '서':* & 'it''s'`],
    );
    expect(row.english).toBe(`'dog':AB & 'cat':AB <-> 'food':AB & !'mous':AB | 'bird':AB`);
    expect(row.korean).toBe(`'서울':A <-> '울에':A & '서':*A & 'it''s':A`);
  });
});

describe('link.saved_buckets', () => {
  it('names the same day, week and month as the slices ask for', async () => {
    for (const at of ['2026-11-29T23:59:59.999Z', '2026-01-01T00:00:00Z', '2024-02-29T12:00:00Z']) {
      const t = new Date(at);
      const [{ lexemes }] = await ds.query(
        'SELECT tsvector_to_array(link.saved_buckets($1::timestamptz)) AS lexemes',
        [at],
      );
      const day = savedBuckets(t, t);
      const week = savedBuckets(new Date(t.getTime() - 10 * 86_400_000), t).at(-1);
      const month = savedBuckets(new Date(t.getTime() - 60 * 86_400_000), t).at(-1);
      expect([day[0], week, month].every((b) => b?.startsWith('@'))).toBe(true);
      expect(new Set(lexemes)).toEqual(new Set([...day, week, month]));
    }
  });
});

describe('searchLinks over more matches than its window', () => {
  it('ranks the newest matches, found by any plan, and pages through them once each', async () => {
    // 1,100 description matches an hour apart (45 days), a title match of 2 days ago and one of 100 days ago
    const many = Array.from({ length: 1100 }, (_, k) => ({
      title: `Entry ${k}`,
      description: `notes about ${word}`,
      hoursAgo: k + 1,
    }));
    await insert([
      ...many,
      { title: `Recent ${word}`, description: 'x', hoursAgo: 48 },
      { title: `Old ${word}`, description: 'x', hoursAgo: 2400 },
    ]);
    const links = ds.getRepository(Link);
    // the window statements each plan sent, told apart by their shape
    const shapes: string[] = [];
    const walkRows: number[] = [];
    const counted = Object.assign(Object.create(links) as typeof links, {
      query: (sql: string, parameters?: unknown[]) => {
        const walkLimit = /LIMIT \$(\d+)\) l/.exec(sql);
        if (walkLimit) walkRows.push(Number(parameters?.[Number(walkLimit[1]) - 1]));
        if (sql.includes('WITH shared'))
          shapes.push(/&& \$\d+::tsquery/.test(sql) ? 'slice' : sql.includes('OFFSET 0') ? 'all' : 'walk');
        return links.query(sql, parameters);
      },
    });
    const viewer: Viewer = {
      userId: randomUUID(),
      role: 'USER',
      plan: 'FREE',
      anonymous: false,
      sessionId: 's',
    };
    // each plan forced by its limits: every link walked; every query sliced (and widened); the text index alone
    const plans = {
      walk: { walkRows: Number.MAX_SAFE_INTEGER, allMatches: 0 },
      slice: { walkRows: 0, allMatches: 0 },
      all: { walkRows: 0, allMatches: Number.MAX_SAFE_INTEGER },
    };
    /** Every title a search pages through, under each plan's limits (asserting the plan each was found by). */
    const pagesByPlan = async (query: string) => {
      const pagesBy: Record<string, string[]> = {};
      for (const [name, limits] of Object.entries(plans)) {
        const search = new LinkSearch(counted, limits);
        shapes.length = 0;
        const seen: string[] = [];
        let after: string | null = null;
        for (let pages = 0; pages < 20; pages++) {
          const page = await search.search(viewer, query, MAX_PAGE_SIZE, after);
          seen.push(...page.edges.map((e) => e.node.title ?? ''));
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        pagesBy[name] = seen;
        expect(shapes[0]).toBe(name);
      }
      return pagesBy;
    };
    const pagesBy = await pagesByPlan(word);
    const seen = pagesBy.all!;
    // the newest 300 matches: the recent title first, the 100-day-old one outside the window
    expect(seen).toHaveLength(SEARCH_WINDOW);
    expect(new Set(seen).size).toBe(SEARCH_WINDOW);
    expect(seen[0]).toBe(`Recent ${word}`);
    expect(seen).not.toContain(`Old ${word}`);
    expect(seen).toContain('Entry 0');
    expect(seen).not.toContain('Entry 1099');
    expect(pagesBy.walk).toEqual(seen);
    expect(pagesBy.slice).toEqual(seen);

    // two words: the entries alone hold both; every plan finds the newest 300 of them
    const pairs = await pagesByPlan(`notes ${word}`);
    expect(new Set(pairs.all)).toEqual(new Set(many.slice(0, SEARCH_WINDOW).map((m) => m.title)));
    expect(pairs.all).toHaveLength(SEARCH_WINDOW);
    expect(pairs.walk).toEqual(pairs.all);
    expect(pairs.slice).toEqual(pairs.all);

    // a cursor is the client's: one asking for a walk over a billion links is held to the longest the server plans
    const walking = new LinkSearch(counted, plans.walk);
    const first = await walking.search(viewer, word, MAX_PAGE_SIZE, null);
    const [score, id, asOf] = Buffer.from(first.pageInfo.endCursor!, 'base64url').toString('utf8').split('|');
    const forged = Buffer.from(`${score}|${id}|${asOf}|w1000000000`).toString('base64url');
    walkRows.length = 0;
    const next = await walking.search(viewer, word, MAX_PAGE_SIZE, forged);
    expect(walkRows.length).toBeGreaterThan(0);
    expect(Math.max(...walkRows)).toBeLessThanOrEqual(30_000);
    expect(next.edges.map((e) => e.node.title)).toEqual(seen.slice(MAX_PAGE_SIZE, 2 * MAX_PAGE_SIZE));
  });
});
