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
