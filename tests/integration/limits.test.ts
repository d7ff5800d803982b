import { describe, expect, it } from 'vitest';
import { execute, firstCode, gql, signUp, signUpAdmin, stack } from '@link-archive/testkit';

describe('limits on what a client controls', () => {
  it('refuses queries over the cost limit', async () => {
    let selection = 'id';
    for (let i = 0; i < 3; i++) selection = `owner { links(first: 100) { edges { node { ${selection} } } } }`;
    const res = await gql(`{ links(first: 100) { edges { node { ${selection} } } } }`);
    expect(res.errors?.[0]?.message).toMatch(/cost/i);
    expect(res.data).toBeUndefined();
  });

  it('refuses queries deeper than the depth limit', async () => {
    const me = await signUp();
    // depth 13, cheap enough to pass the cost limit
    const res = await gql(
      '{ me { links { edges { node { owner { links { edges { node { owner { links { edges { node { id } } } } } } } } } } } } }',
      {},
      { token: me.accessToken },
    );
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ');
    const res = await gql(`{ ${aliases} }`);
    expect(res.errors?.[0]?.message).toMatch(/alias/i);
    expect(res.data).toBeUndefined();
  });

  it('counts aliases of __typename too', async () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `t${i}: __typename`).join(' ');
    const res = await gql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toMatch(/alias/i);
    expect(res.data).toBeUndefined();
    // and inside fragments, each time they are spread
    const fragment = Array.from({ length: 8 }, (_, i) => `f${i}: __typename`).join(' ');
    const spread = await gql(
      `{ ...F a: me { ...G } } fragment F on Query { ${fragment} } fragment G on User { ${fragment} }`,
    );
    expect(spread.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('answers refusals before execution with 4xx, never 5xx', async () => {
    expect((await gql('{ me { id ')).status).toBe(400);
    expect((await gql(`{ me { ${Array.from({ length: 2_100 }, () => 'id').join(' ')} } }`)).status).toBe(400);
    expect((await gql('{ __schema { queryType { name } } }')).status).toBe(403);
    expect((await gql('{ nothingHere }')).status).toBe(400);
  });

  it('refuses documents with too many tokens', async () => {
    const fields = Array.from({ length: 2_100 }, () => 'id').join(' ');
    const res = await gql(`{ me { ${fields} } }`);
    expect(res.errors?.[0]?.message).toMatch(/token/i);
    expect(res.data).toBeUndefined();
  });

  it('refuses bodies over the size limit with 413', async () => {
    const res = await gql('{ me { id } }', { padding: 'x'.repeat(200 * 1024) });
    expect(res.status).toBe(413);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
  });

  it('refuses batched requests', async () => {
    const res = await fetch(stack().gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(res.status).toBe(400);
  });
});

describe('production-mode errors', () => {
  it('gives no field suggestions and no stack traces', async () => {
    const res = await gql('{ me { handel } }');
    const text = JSON.stringify(res.errors);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(text).not.toMatch(/did you mean/i);
    expect(text).not.toMatch(/stacktrace/);
  });

  it('gives no enum value suggestions, in the document or in variables', async () => {
    const user = await signUp();
    const inline = await gql(
      'mutation { saveLink(url: "https://enum.example/", visibility: PRIVAT) { id } }',
      {},
      { token: user.accessToken },
    );
    const variable = await gql(
      'mutation($v: Visibility) { saveLink(url: "https://enum.example/", visibility: $v) { id } }',
      { v: 'PRIVAT' },
      { token: user.accessToken },
    );
    for (const res of [inline, variable]) {
      expect(res.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(res.errors)).not.toMatch(/did you mean|PRIVATE/i);
      expect(res.status).toBe(400);
    }
  });

  it('allows introspection for ADMIN tokens only', async () => {
    const query = '{ __schema { queryType { name } } }';
    expect(firstCode(await gql(query))).toBe('FORBIDDEN');
    const user = await signUp();
    expect(firstCode(await gql(query, {}, { token: user.accessToken }))).toBe('FORBIDDEN');
    const admin = await signUpAdmin();
    expect(await execute(query, {}, { token: admin.accessToken })).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
    expect(await execute('{ __typename }')).toEqual({ __typename: 'Query' });
  });
});
