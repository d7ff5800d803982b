import { randomBytes, randomUUID } from 'node:crypto';
import { createLogger, MAX_PAGE_SIZE, type Viewer } from '@link-archive/core';
import { stack } from '@link-archive/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkDataSource } from '../data-source';
import { Link } from '../link/link.entity';
import { LinkSearch, SEARCH_WINDOW } from './link-search';

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

describe('searchLinks over more matches than its window', () => {
  it('ranks the newest matches, found slice by slice, and pages through them once each', async () => {
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
    // a first slice of about 100 links: the window is found over several slices, as with a million links
    const links = ds.getRepository(Link);
    let windows = 0;
    const counted = Object.assign(Object.create(links) as typeof links, {
      query: (sql: string, parameters?: unknown[]) => {
        if (sql.includes('WITH win')) windows += 1;
        return links.query(sql, parameters);
      },
    });
    const search = new LinkSearch(counted, 100);
    const viewer: Viewer = {
      userId: randomUUID(),
      role: 'USER',
      plan: 'FREE',
      anonymous: false,
      sessionId: 's',
    };

    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const page = await search.search(viewer, word, MAX_PAGE_SIZE, after);
      seen.push(...page.edges.map((e) => e.node.title ?? ''));
      if (pages === 0) expect(windows).toBeGreaterThan(1);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    // the newest 1,000 matches: the recent title first, the 100-day-old one outside the window
    expect(seen).toHaveLength(SEARCH_WINDOW);
    expect(new Set(seen).size).toBe(SEARCH_WINDOW);
    expect(seen[0]).toBe(`Recent ${word}`);
    expect(seen).not.toContain(`Old ${word}`);
    expect(seen).toContain('Entry 0');
    expect(seen).not.toContain('Entry 1099');
  });
});
