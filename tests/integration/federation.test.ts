import { describe, expect, it } from 'vitest';
import {
  execute,
  freePortUrl,
  readCounter,
  signUp,
  stack,
  startExtraGateway,
  gql,
} from '@link-archive/testkit';

describe('federation', () => {
  it('answers one query with fields from all five subgraphs', async () => {
    const me = await signUp();
    await execute(
      'mutation { saveLink(url: "https://example.com/fed?utm_source=x", visibility: PUBLIC) { id } }',
      {},
      {
        token: me.accessToken,
      },
    );
    const data = await execute<Record<string, unknown>>(
      `{ me {
          handle
          followerCount followingCount
          avatar { id }
          reviews { edges { cursor } }
          links { edges { node {
            url status
            owner { handle }
            rating { count average distribution }
            reviews { pageInfo { hasNextPage } }
            thumbnail { id }
          } } }
        } }`,
      {},
      { token: me.accessToken },
    );
    expect(data).toEqual({
      me: {
        handle: me.handle,
        followerCount: 0,
        followingCount: 0,
        avatar: null,
        reviews: { edges: [] },
        links: {
          edges: [
            {
              node: {
                url: 'https://example.com/fed?utm_source=x',
                // example.com does not resolve here: the crawl fails fast, or has not started yet
                status: expect.stringMatching(/^(PENDING|CRAWLING|FAILED)$/),
                owner: { handle: me.handle },
                rating: { count: 0, average: 0, distribution: [0, 0, 0, 0, 0] },
                reviews: { pageInfo: { hasNextPage: false } },
                thumbnail: null,
              },
            },
          ],
        },
      },
    });
  });

  it('resolves the owners of a page of 100 links with one SQL statement in the user subgraph', async () => {
    const me = await signUp();
    const others = await Promise.all(Array.from({ length: 4 }, () => signUp()));
    for (const [i, account] of [me, ...others].entries()) {
      // the viewer gets 100 links, the others 20 each
      for (let half = 0; half < (i === 0 ? 100 : 20); half += 10) {
        const aliases = Array.from(
          { length: 10 },
          (_, j) =>
            `l${j}: saveLink(url: "https://example.com/dl/${i}/${half + j}", visibility: PUBLIC) { id }`,
        ).join('\n');
        await execute(`mutation { ${aliases} }`, {}, { token: account.accessToken });
      }
    }
    const statements = async (query: string, token: string) => {
      const before = await readCounter(stack().subgraphUrls.user, 'db_statements_total');
      const data = await execute<Record<string, { edges: { node: { owner: { handle: string } } }[] }>>(
        query,
        {},
        { token },
      );
      const after = await readCounter(stack().subgraphUrls.user, 'db_statements_total');
      return {
        owners: Object.values(data).flatMap((p) => p.edges.map((e) => e.node.owner.handle)),
        count: after - before,
      };
    };
    // one page of 100 links: one _entities fetch, one statement
    const own = await statements(
      '{ links(first: 100) { edges { node { owner { handle } } } } }',
      me.accessToken,
    );
    expect(own.owners).toEqual(Array(100).fill(me.handle));
    expect(own.count).toBe(1);
    // five pages of 20 from five owners: the gateway makes one fetch per page, each one statement
    const pages = [me, ...others]
      .map(
        (a, i) =>
          `p${i}: links(filter: { ownerId: "${a.id}" }, first: 20) { edges { node { owner { handle } } } }`,
      )
      .join('\n');
    const mixed = await statements(`{ ${pages} }`, me.accessToken);
    expect(mixed.owners).toHaveLength(100);
    expect(new Set(mixed.owners)).toEqual(new Set([me, ...others].map((a) => a.handle)));
    expect(mixed.count).toBe(5);
  });

  it('returns partial data with SUBGRAPH_UNAVAILABLE at the missing fields when a subgraph is down', async () => {
    const me = await signUp();
    const extra = await startExtraGateway({ SUBGRAPH_REVIEW_URL: await freePortUrl() });
    try {
      await execute(
        'mutation { saveLink(url: "https://example.com/partial") { id } }',
        {},
        { token: me.accessToken },
      );
      const res = await gql<{
        me: { handle: string; links: { edges: { node: { url: string; rating: null } }[] } };
      }>(
        '{ me { handle links { edges { node { url rating { count } } } } } }',
        {},
        { token: me.accessToken, url: extra.url },
      );
      expect(res.data?.me.handle).toBe(me.handle);
      expect(res.data?.me.links.edges[0]?.node).toEqual({ url: 'https://example.com/partial', rating: null });
      expect(res.errors).toHaveLength(1);
      expect(res.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/review service is unavailable/),
        path: ['me', 'links', 'edges', 0, 'node', 'rating'],
        extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
      });
      expect(JSON.stringify(res.errors)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stacktrace|at /);
    } finally {
      await extra.stop();
    }
  });
});
