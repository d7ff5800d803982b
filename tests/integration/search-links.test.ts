import { randomBytes } from 'node:crypto';
import {
  articleHtml,
  execute,
  firstCode,
  gql,
  html,
  saveReadyLink,
  signUp,
  stack,
  startSite,
  type FixtureSite,
  type TestAccount,
} from '@link-archive/testkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// words of this run only, so other tests' links never match
const run = randomBytes(3).toString('hex');
const word = (name: string) => `zq${name}${run}`;

const PAGES: Record<string, { title: string; description: string; body: string }> = {
  titled: {
    // the word twice in the title: above "later" below, which has it once
    title: `Trail running shoes ${word('shoe')}: ${word('shoe')} tested`,
    description: 'A season on the trails.',
    body: 'Grip, weight and comfort over long distances.',
  },
  excerpted: {
    title: 'Weekend notes',
    description: 'What happened on Saturday.',
    body: `We talked about ${word('shoe')} for an hour before lunch.`,
  },
  korean: {
    title: `서울에서 먹은 냉면 ${word('ko')}`,
    description: '여름맛집기록',
    body: '시원한 육수와 쫄깃한 면발이 좋았다.',
  },
  later: {
    title: `Shoe care after the race ${word('shoe')}`,
    description: 'Cleaning and drying.',
    body: 'Newspaper inside, away from the heater.',
  },
  secret: { title: `Private plans ${word('secret')}`, description: 'Not for anyone.', body: 'Quiet things.' },
  circle: {
    title: `Followers only ${word('circle')}`,
    description: 'For friends.',
    body: 'Friendly things.',
  },
};

let site: FixtureSite;
beforeAll(async () => {
  const routes: Record<string, ReturnType<typeof html>> = {};
  for (const [name, page] of Object.entries(PAGES))
    routes[`/search/${name}`] = html(articleHtml({ ...page, image: '/none.jpg' }));
  site = await startSite(routes, { port: stack().sitePort });
});
afterAll(() => site.close());

const SEARCH = `query($q: String!, $first: Int, $after: String) {
  searchLinks(query: $q, first: $first, after: $after) {
    edges { cursor node { id title searchHighlight } } pageInfo { hasNextPage endCursor } } }`;

interface Results {
  searchLinks: {
    edges: { cursor: string; node: { id: string; title: string; searchHighlight: string | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const search = async (viewer: TestAccount | null, q: string, first = 20, after?: string) =>
  (await execute<Results>(SEARCH, { q, first, after }, viewer ? { token: viewer.accessToken } : {}))
    .searchLinks;
const ids = async (viewer: TestAccount | null, q: string) =>
  (await search(viewer, q)).edges.map((e) => e.node.id);

const saveReady = (owner: TestAccount, page: string, visibility: string, note?: string) =>
  saveReadyLink(owner, site.url(`/search/${page}`), { visibility, note });

describe('searchLinks', () => {
  let owner: TestAccount;
  let reader: TestAccount;
  const saved: Record<string, string> = {};
  beforeAll(async () => {
    owner = await signUp();
    reader = await signUp();
    saved.titled = await saveReady(owner, 'titled', 'PUBLIC');
    saved.excerpted = await saveReady(owner, 'excerpted', 'PUBLIC', `remember ${word('note')}`);
    saved.korean = await saveReady(owner, 'korean', 'PUBLIC');
    saved.secret = await saveReady(owner, 'secret', 'PRIVATE');
    saved.circle = await saveReady(owner, 'circle', 'FOLLOWERS');
  }, 90_000);

  it('ranks a title match above an excerpt match, stems English words and highlights them', async () => {
    const found = await search(reader, word('shoe'));
    expect(found.edges.map((e) => e.node.id)).toEqual([saved.titled, saved.excerpted]);
    expect(found.edges[0]!.node.searchHighlight).toContain(`<mark>${word('shoe')}</mark>`);
    // "run" finds "running"
    expect(await ids(reader, `run ${word('shoe')}`)).toEqual([saved.titled]);
  });

  it('gives each found link as link(id) gives it', async () => {
    const fields = `id url normalizedUrl title description siteName excerpt wordCount readingMinutes status
      tags { name } note visibility owner { id } createdAt updatedAt crawledAt`;
    const { searchLinks } = await execute<{ searchLinks: { edges: { node: Record<string, unknown> }[] } }>(
      `query($q: String!) { searchLinks(query: $q) { edges { node { ${fields} } } } }`,
      { q: word('note') },
      { token: owner.accessToken },
    );
    const { link } = await execute<{ link: Record<string, unknown> }>(
      `query($id: ID!) { link(id: $id) { ${fields} } }`,
      { id: saved.excerpted },
      { token: owner.accessToken },
    );
    expect(link.note).toBe(`remember ${word('note')}`);
    expect(searchLinks.edges.map((e) => e.node)).toEqual([link]);
  });

  it('finds Korean by part of a word', async () => {
    const found = await search(reader, `서울 ${word('ko')}`);
    expect(found.edges.map((e) => e.node.id)).toEqual([saved.korean]);
    expect(await ids(reader, '냉면')).toContain(saved.korean);
    const snippet = (await search(reader, '냉면')).edges.find((e) => e.node.id === saved.korean)!.node;
    expect(snippet.searchHighlight).toContain('<mark>냉면</mark>');
    // a part inside a longer run of syllables, and both scripts marked in one snippet
    expect(await ids(reader, '맛집')).toContain(saved.korean);
    expect(await ids(reader, '냉면집')).not.toContain(saved.korean);
    const mixed = (await search(reader, `서울 ${word('ko')}`)).edges[0]!.node.searchHighlight;
    expect(mixed).toContain('<mark>서울</mark>');
    expect(mixed).toContain(`<mark>${word('ko')}</mark>`);
  });

  it('searches only what the viewer may see, and notes for their owner only', async () => {
    expect(await ids(reader, word('secret'))).toEqual([]);
    expect(await ids(null, word('secret'))).toEqual([]);
    expect(await ids(owner, word('secret'))).toEqual([saved.secret]);
    expect(await ids(reader, word('circle'))).toEqual([]);
    await execute(
      'mutation($id: ID!) { follow(userId: $id) { id } }',
      { id: owner.id },
      { token: reader.accessToken },
    );
    await vi.waitFor(async () => expect(await ids(reader, word('circle'))).toEqual([saved.circle]), {
      timeout: 10_000,
      interval: 100,
    });
    expect(await ids(owner, word('note'))).toEqual([saved.excerpted]);
    expect(await ids(reader, word('note'))).toEqual([]);
    // the links filter uses the same matching
    const { links } = await execute<{ links: { edges: { node: { id: string } }[] } }>(
      'query($q: String!) { links(filter: { query: $q }) { edges { node { id } } } }',
      { q: 'running' },
      { token: owner.accessToken },
    );
    expect(links.edges.map((e) => e.node.id)).toEqual([saved.titled]);
  });

  it('pages on stable cursors and refuses bad input by name', async () => {
    const first = await search(reader, word('shoe'), 1);
    expect(first.pageInfo.hasNextPage).toBe(true);
    // a better match saved between pages does not shift the pages already begun; a new search has it
    const later = await saveReady(owner, 'later', 'PUBLIC');
    const second = await search(reader, word('shoe'), 1, first.pageInfo.endCursor!);
    expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual([saved.titled, saved.excerpted]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect((await ids(reader, word('shoe'))).sort()).toEqual([saved.titled, saved.excerpted, later].sort());
    expect(firstCode(await gql(SEARCH, { q: '   ' }))).toBe('BAD_USER_INPUT');
    expect(firstCode(await gql(SEARCH, { q: 'x'.repeat(1000) }))).toBe('BAD_USER_INPUT');
    expect(firstCode(await gql(SEARCH, { q: 'shoes', after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
  });
});
