import { describe, expect, it, vi } from 'vitest';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@link-archive/core';
import { execute, firstCode, gql, signUp, stack, type TestAccount } from '@link-archive/testkit';

const SAVE = `mutation($url: String!, $note: String, $tags: [String!], $visibility: Visibility) {
  saveLink(url: $url, note: $note, tags: $tags, visibility: $visibility) {
    id url normalizedUrl status visibility note tags { name source confidence }
  }
}`;
type Saved = { id: string; url: string; normalizedUrl: string; status: string; visibility: string };

const save = async (account: TestAccount, url: string, extra: Record<string, unknown> = {}) =>
  (await execute<{ saveLink: Saved }>(SAVE, { url, ...extra }, { token: account.accessToken })).saveLink;

const LINK = 'query($id: ID!) { link(id: $id) { id url owner { id } } }';

describe('saveLink', () => {
  it('saves a PENDING, PRIVATE link with a normalized URL and normalized tags', async () => {
    const me = await signUp();
    const link = await save(me, 'https://News.Example.com:443/story/?utm_source=tw&id=7#top', {
      note: ' read later ',
      tags: ['Ad Tech', '#adtech', 'ad-tech', 'Go'],
    });
    expect(link).toMatchObject({
      url: 'https://News.Example.com:443/story/?utm_source=tw&id=7#top',
      normalizedUrl: 'https://news.example.com/story?id=7',
      status: 'PENDING',
      visibility: 'PRIVATE',
      note: 'read later',
      tags: [
        { name: 'adtech', source: 'USER', confidence: null },
        { name: 'go', source: 'USER', confidence: null },
      ],
    });
  });

  it('is idempotent per owner and normalized URL, also under concurrent saves', async () => {
    const me = await signUp();
    const variants = Array.from({ length: 12 }, (_, i) =>
      i % 2 ? `https://example.org/page?utm_medium=${i}#f${i}` : `https://EXAMPLE.org:443/page/?fbclid=${i}`,
    );
    const saved = await Promise.all(variants.map((url) => save(me, url)));
    expect(new Set(saved.map((l) => l.id)).size).toBe(1);
    const other = await signUp();
    expect((await save(other, variants[0]!)).id).not.toBe(saved[0]!.id);
  });

  it.each([
    ['ftp://example.com/x', 'only http and https'],
    ['https://user:secret@example.com/', 'credentials'],
    ['https://', 'not a valid absolute URL'],
    [`https://example.com/${'x'.repeat(2050)}`, 'at most 2048'],
  ])('refuses %s with BAD_USER_INPUT on url', async (url, message) => {
    const me = await signUp();
    const res = await gql(SAVE, { url }, { token: me.accessToken });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect(res.errors?.[0]?.message).toContain(message);
  });

  it('caps notes and tags and needs a signed-in viewer', async () => {
    const me = await signUp();
    const longNote = await gql(
      SAVE,
      { url: 'https://example.com/n', note: 'x'.repeat(10_001) },
      { token: me.accessToken },
    );
    expect(longNote.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    const manyTags = await gql(
      SAVE,
      { url: 'https://example.com/t', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      { token: me.accessToken },
    );
    expect(manyTags.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tags' });
    expect(firstCode(await gql(SAVE, { url: 'https://example.com/' }))).toBe('UNAUTHENTICATED');
  });

  it('refuses text PostgreSQL cannot store with a typed error, not a crash', async () => {
    const me = await signUp();
    const note = await gql(
      SAVE,
      { url: 'https://example.com/nul', note: 'a\u0000b' },
      { token: me.accessToken },
    );
    expect(note.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    const url = await gql(SAVE, { url: 'https://example.com/a\u0000b' }, { token: me.accessToken });
    expect(url.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    const search = await gql(
      '{ links(filter: { query: "x\u0000" }) { edges { cursor } } }',
      {},
      { token: me.accessToken },
    );
    expect(search.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.query' });
  });
});

describe("a note is its owner's", () => {
  it("is read only by the owner, on every path, and never matches another viewer's search", async () => {
    const [owner, stranger] = [await signUp(), await signUp()];
    const saved = await save(owner, 'https://note.example/private-thoughts', {
      visibility: 'PUBLIC',
      note: 'zanzibar is my secret word',
    });
    const READ = 'query($id: ID!) { link(id: $id) { note } }';
    expect(
      (await execute<{ link: { note: string } }>(READ, { id: saved.id }, { token: owner.accessToken })).link
        .note,
    ).toBe('zanzibar is my secret word');
    expect(
      (
        await execute<{ link: { note: string | null } }>(
          READ,
          { id: saved.id },
          { token: stranger.accessToken },
        )
      ).link,
    ).toEqual({
      note: null,
    });
    expect((await execute<{ link: { note: string | null } }>(READ, { id: saved.id })).link).toEqual({
      note: null,
    });
    const LIST = `query($owner: ID!, $q: String) {
      links(filter: { ownerId: $owner, query: $q }) { edges { node { id note } } }
      user(id: $owner) { links { edges { node { note } } } }
    }`;
    const seen = await execute<{
      links: { edges: { node: { id: string; note: string | null } }[] };
      user: { links: { edges: { node: { note: string | null } }[] } };
    }>(LIST, { owner: owner.id, q: null }, { token: stranger.accessToken });
    expect(seen.links.edges.map((e) => e.node)).toEqual([{ id: saved.id, note: null }]);
    expect(seen.user.links.edges.map((e) => e.node.note)).toEqual([null]);
    const searched = await execute<{ links: { edges: unknown[] } }>(
      LIST,
      { owner: owner.id, q: 'zanzibar' },
      { token: stranger.accessToken },
    );
    expect(searched.links.edges).toEqual([]);
    const own = await execute<{ links: { edges: unknown[] } }>(
      LIST,
      { owner: owner.id, q: 'zanzibar' },
      { token: owner.accessToken },
    );
    expect(own.links.edges).toHaveLength(1);
  });
});

describe('visibility on every read path', () => {
  /** A follow as a client makes it; the link subgraph learns of it from the feed's user.followed event. */
  const follow = (follower: TestAccount, followee: TestAccount) =>
    execute(
      'mutation($u: ID!) { follow(userId: $u) { id } }',
      { u: followee.id },
      { token: follower.accessToken },
    );

  it('shows PRIVATE links to the owner only, PUBLIC to anyone, FOLLOWERS to followers', async () => {
    const owner = await signUp();
    const follower = await signUp();
    const stranger = await signUp();
    await follow(follower, owner);
    const priv = await save(owner, 'https://example.com/private');
    const pub = await save(owner, 'https://example.com/public', { visibility: 'PUBLIC' });
    const fol = await save(owner, 'https://example.com/followers', { visibility: 'FOLLOWERS' });

    const seen = async (viewer: TestAccount | null) => {
      const ids = [];
      for (const link of [priv, pub, fol]) {
        const res = await execute<{ link: { id: string } | null }>(
          LINK,
          { id: link.id },
          { token: viewer?.accessToken },
        );
        if (res.link) ids.push(link.id);
      }
      const list = await execute<{ links: { edges: { node: { id: string } }[] } }>(
        'query($o: ID!) { links(filter: { ownerId: $o }) { edges { node { id } } } }',
        { o: owner.id },
        { token: viewer?.accessToken },
      );
      const viaUser = await execute<{ user: { links: { edges: { node: { id: string } }[] } } }>(
        'query($o: ID!) { user(id: $o) { links { edges { node { id } } } } }',
        { o: owner.id },
        { token: viewer?.accessToken },
      );
      return {
        byId: ids.sort(),
        list: list.links.edges.map((e) => e.node.id).sort(),
        viaUser: viaUser.user.links.edges.map((e) => e.node.id).sort(),
      };
    };
    const expectSees = async (viewer: TestAccount | null, links: Saved[]) => {
      const ids = links.map((l) => l.id).sort();
      expect(await seen(viewer)).toEqual({ byId: ids, list: ids, viaUser: ids });
    };
    await expectSees(owner, [priv, pub, fol]);
    // the link subgraph's projection of the follow trails its event
    await vi.waitFor(() => expectSees(follower, [pub, fol]), { timeout: 10_000, interval: 100 });
    await expectSees(stranger, [pub]);
    await expectSees(null, [pub]);

    // the entity path other subgraphs' references take (FeedItem.link, say), asked as the gateway would
    const entities = async (viewer: TestAccount) => {
      const token = await signInternalToken(stack().secrets.gatewaySecret, {
        viewer: { userId: viewer.id, role: 'USER', plan: 'FREE', anonymous: false, sessionId: 's' },
        partnerKeyId: null,
        clientIp: '127.0.0.1',
      });
      const res = await fetch(stack().subgraphUrls.link, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
        body: JSON.stringify({
          query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Link { id } } }',
          variables: { r: [priv, pub, fol].map((l) => ({ __typename: 'Link', id: l.id })) },
        }),
      });
      return ((await res.json()) as { data: { _entities: ({ id: string } | null)[] } }).data._entities;
    };
    expect(await entities(stranger)).toEqual([null, { id: pub.id }, null]);
    expect(await entities(follower)).toEqual([null, { id: pub.id }, { id: fol.id }]);
  });

  it('lets only the owner change a link: NOT_FOUND when hidden, FORBIDDEN when visible', async () => {
    const owner = await signUp();
    const other = await signUp();
    const priv = await save(owner, 'https://example.com/mine');
    const pub = await save(owner, 'https://example.com/ours', { visibility: 'PUBLIC' });
    const update = 'mutation($id: ID!) { updateLink(id: $id, note: "mine now") { id } }';
    expect(firstCode(await gql(update, { id: priv.id }, { token: other.accessToken }))).toBe('NOT_FOUND');
    expect(firstCode(await gql(update, { id: pub.id }, { token: other.accessToken }))).toBe('FORBIDDEN');
    expect(
      firstCode(
        await gql('mutation($id: ID!) { deleteLink(id: $id) }', { id: pub.id }, { token: other.accessToken }),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('updateLink, deleteLink, linkChanges, tags, links', () => {
  it('updates note, visibility and owner tags; deletes leave a tombstone for sync', async () => {
    const me = await signUp();
    const a = await save(me, 'https://example.com/a', { tags: ['one'] });
    const b = await save(me, 'https://example.com/b');
    const { updateLink } = await execute<{
      updateLink: { note: string; visibility: string; tags: { name: string }[] };
    }>(
      'mutation($id: ID!) { updateLink(id: $id, note: "n", visibility: PUBLIC, tags: ["Two", "#three"]) { note visibility tags { name } } }',
      { id: a.id },
      { token: me.accessToken },
    );
    expect(updateLink).toEqual({
      note: 'n',
      visibility: 'PUBLIC',
      tags: [{ name: 'two' }, { name: 'three' }],
    });

    const first = await execute<{ linkChanges: { cursor: string; hasMore: boolean; changes: unknown[] } }>(
      '{ linkChanges(first: 1) { cursor hasMore changes { link { id } deletedId changedAt } } }',
      {},
      { token: me.accessToken },
    );
    expect(first.linkChanges.hasMore).toBe(true);
    expect(
      await execute('mutation($id: ID!) { deleteLink(id: $id) }', { id: b.id }, { token: me.accessToken }),
    ).toEqual({
      deleteLink: true,
    });
    expect((await execute<{ link: null }>(LINK, { id: b.id }, { token: me.accessToken })).link).toBeNull();
    const rest = await execute<{
      linkChanges: { changes: { link: { id: string } | null; deletedId: string | null }[]; hasMore: boolean };
    }>(
      'query($s: String) { linkChanges(since: $s) { cursor hasMore changes { link { id } deletedId } } }',
      { s: first.linkChanges.cursor },
      { token: me.accessToken },
    );
    expect(rest.linkChanges.hasMore).toBe(false);
    expect(rest.linkChanges.changes).toContainEqual({ link: null, deletedId: b.id });
    // saving the deleted URL again makes a new link
    expect((await save(me, 'https://example.com/b')).id).not.toBe(b.id);
  });

  it('filters by tag and status, searches, paginates, and counts tags', async () => {
    const me = await signUp();
    for (let i = 0; i < 5; i++) {
      await save(me, `https://example.com/p${i}`, {
        tags: i % 2 ? ['Odd', 'all'] : ['all'],
        note: i === 3 ? 'needle here' : null,
      });
    }
    const page = (vars: Record<string, unknown>) =>
      execute<{
        links: {
          edges: { cursor: string; node: { url: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      }>(
        'query($f: LinkFilter, $first: Int, $after: String) { links(filter: $f, first: $first, after: $after) { edges { cursor node { url } } pageInfo { hasNextPage endCursor } } }',
        vars,
        { token: me.accessToken },
      );
    expect((await page({ f: { tag: '#ODD' } })).links.edges.map((e) => e.node.url).sort()).toEqual([
      'https://example.com/p1',
      'https://example.com/p3',
    ]);
    expect((await page({ f: { status: 'READY' } })).links.edges).toHaveLength(0);
    expect((await page({ f: { query: 'NEEDLE' } })).links.edges.map((e) => e.node.url)).toEqual([
      'https://example.com/p3',
    ]);
    const p1 = await page({ first: 2 });
    expect(p1.links.pageInfo.hasNextPage).toBe(true);
    const p2 = await page({ first: 2, after: p1.links.pageInfo.endCursor });
    const p3 = await page({ first: 2, after: p2.links.pageInfo.endCursor });
    const urls = [...p1.links.edges, ...p2.links.edges, ...p3.links.edges].map((e) => e.node.url);
    expect(new Set(urls).size).toBe(5);
    expect(p3.links.pageInfo.hasNextPage).toBe(false);

    const { tags } = await execute<{ tags: { name: string; count: number }[] }>(
      '{ tags { name count } }',
      {},
      { token: me.accessToken },
    );
    expect(tags).toEqual([
      { name: 'all', count: 5 },
      { name: 'odd', count: 2 },
    ]);
    const capped = await gql('{ links(first: 101) { edges { cursor } } }', {}, { token: me.accessToken });
    expect(capped.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const badCursor = await gql(
      '{ links(after: "forged") { edges { cursor } } }',
      {},
      { token: me.accessToken },
    );
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('recrawlLink puts a link back to PENDING', async () => {
    const me = await signUp();
    const link = await save(me, 'https://example.com/again');
    const { recrawlLink } = await execute<{ recrawlLink: { status: string; error: null } }>(
      'mutation($id: ID!) { recrawlLink(id: $id) { status error } }',
      { id: link.id },
      { token: me.accessToken },
    );
    expect(recrawlLink).toEqual({ status: 'PENDING', error: null });
  });
});
