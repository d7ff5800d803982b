import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@link-archive/devstack';
import { execute, firstCode, gql, signUp, signUpAdmin, stack } from '@link-archive/testkit';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'schema/persisted-queries.json'), 'utf8')) as {
  operations: { id: string; name: string; body: string }[];
};
const operation = (name: string) => manifest.operations.find((o) => o.name === name)!;

async function partnerKey() {
  const admin = await signUpAdmin();
  const { createApiKey } = await execute<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
    'mutation { createApiKey(name: "partner") { secret apiKey { id } } }',
    {},
    { token: admin.accessToken },
  );
  return { admin, secret: createApiKey.secret, id: createApiKey.apiKey.id };
}

describe('automatic persisted queries', () => {
  it('registers a query by hash in Redis and runs it by hash alone afterwards', async () => {
    const me = await signUp();
    // a unique document, so the cache cannot already hold it
    const query = `{ me { handle } apq_${randomBytes(4).toString('hex')}: me { id } }`;
    const hash = sha256(query);
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };

    const miss = await gql(undefined, {}, { token: me.accessToken, extensions });
    expect(firstCode(miss)).toBe('PERSISTED_QUERY_NOT_FOUND');
    const register = await gql<{ me: { handle: string } }>(query, {}, { token: me.accessToken, extensions });
    expect(register.data?.me.handle).toBe(me.handle);
    const hit = await gql<{ me: { handle: string } }>(undefined, {}, { token: me.accessToken, extensions });
    expect(hit.data?.me.handle).toBe(me.handle);

    const redis = new Redis(stack().redisUrl);
    const keys = await redis.keys(`${stack().redisPrefix}apq:*${hash}`);
    redis.disconnect();
    expect(keys).toHaveLength(1);
  });

  it('refuses a document whose hash does not match', async () => {
    const res = await gql(
      '{ me { id } }',
      {},
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } },
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]).toMatchObject({
      message: 'provided sha does not match query',
      extensions: { code: 'BAD_REQUEST' },
    });
    expect(res.data).toBeUndefined();
  });
});

describe('trusted documents for partners', () => {
  it('runs a listed operation by documentId, by APQ hash and by its exact text', async () => {
    const { secret } = await partnerKey();
    const owner = await signUp();
    await execute(
      'mutation { saveLink(url: "https://example.com/partner", visibility: PUBLIC) { id } }',
      {},
      {
        token: owner.accessToken,
      },
    );
    const op = operation('UserProfile');
    const byId = await fetch(stack().gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': secret },
      body: JSON.stringify({ documentId: `sha256:${op.id}`, variables: { handle: owner.handle } }),
    }).then((r) => r.json() as Promise<{ data: { userByHandle: unknown } }>);
    expect(byId.data.userByHandle).toMatchObject({ handle: owner.handle, followerCount: 0 });

    const links = operation('PublicLinksOfUser');
    const byHash = await gql<{ links: { edges: { node: { url: string } }[] } }>(
      undefined,
      { ownerId: owner.id },
      { apiKey: secret, extensions: { persistedQuery: { version: 1, sha256Hash: links.id } } },
    );
    expect(byHash.data?.links.edges.map((e) => e.node.url)).toEqual(['https://example.com/partner']);
    const byText = await gql(links.body, { ownerId: owner.id }, { apiKey: secret });
    expect(byText.errors).toBeUndefined();
  });

  it('refuses anything not in the manifest with PERSISTED_QUERY_NOT_IN_LIST', async () => {
    const { secret } = await partnerKey();
    const unlisted = await gql('{ me { id handle } }', {}, { apiKey: secret });
    expect(unlisted.status).toBe(400);
    expect(firstCode(unlisted)).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    const unknownId = await gql(
      undefined,
      {},
      { apiKey: secret, extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } },
    );
    expect(firstCode(unknownId)).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    // a listed text with one character changed is another document
    const tweaked = await gql(operation('Viewer').body.replace('handle', 'handle '), {}, { apiKey: secret });
    expect(firstCode(tweaked)).toBe('PERSISTED_QUERY_NOT_IN_LIST');
  });

  it('refuses unknown and revoked keys with 401', async () => {
    const unknown = await gql(operation('Viewer').body, {}, { apiKey: 'lak_not-a-real-key' });
    expect(unknown.status).toBe(401);
    expect(firstCode(unknown)).toBe('UNAUTHENTICATED');
    const { admin, secret, id } = await partnerKey();
    expect((await gql(operation('Viewer').body, {}, { apiKey: secret })).status).toBe(200);
    await execute('mutation($id: ID!) { revokeApiKey(id: $id) }', { id }, { token: admin.accessToken });
    await new Promise((r) => setTimeout(r, 400)); // the gateway caches keys for PARTNER_KEY_CACHE_MS (300 ms here)
    expect((await gql(operation('Viewer').body, {}, { apiKey: secret })).status).toBe(401);
  });
});

describe('partner keys', () => {
  const CREATE = `mutation($name: String!, $partner: String, $ops: [String!], $rate: Int) {
    createApiKey(name: $name, partner: $partner, operations: $ops, ratePerMinute: $rate) {
      secret apiKey { id name partner operations ratePerMinute lastUsedAt } } }`;
  const LIST = `query($all: Boolean) { apiKeys(includeRevoked: $all) {
    id partner operations ratePerMinute lastUsedAt revokedAt } }`;
  const byId = (secret: string, name: string, variables: Record<string, unknown> = {}) =>
    gql(undefined, variables, {
      apiKey: secret,
      extensions: { persistedQuery: { version: 1, sha256Hash: operation(name).id } },
    });

  it('are bound to a partner, run only their operations at their own rate, and list with their last use', async () => {
    const admin = await signUpAdmin();
    const owner = await signUp();
    const { createApiKey } = await execute<{
      createApiKey: { secret: string; apiKey: { id: string; partner: string; operations: string[] } };
    }>(
      CREATE,
      {
        name: 'acme-prod',
        partner: 'Acme',
        ops: ['UserProfile', `sha256:${operation('Viewer').id}`],
        rate: 2,
      },
      { token: admin.accessToken },
    );
    expect(createApiKey.apiKey).toMatchObject({
      partner: 'Acme',
      operations: ['UserProfile', operation('Viewer').id],
    });
    const { secret } = createApiKey;
    // in scope, by name and by id
    const profile = await byId(secret, 'UserProfile', { handle: owner.handle });
    expect(profile.errors).toBeUndefined();
    // out of scope, though listed
    const outside = await byId(secret, 'PublicLinksOfUser', { ownerId: owner.id });
    expect(outside.status).toBe(403);
    expect(firstCode(outside)).toBe('FORBIDDEN');
    // two a minute: of six more, at least two are refused whatever minute boundary falls between them
    const codes: unknown[] = [];
    for (let i = 0; i < 6; i++) codes.push(firstCode(await byId(secret, 'Viewer')));
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(2);

    const { apiKeys } = await execute<{
      apiKeys: { id: string; partner: string; ratePerMinute: number; lastUsedAt: string | null }[];
    }>(LIST, {}, { token: admin.accessToken });
    expect(apiKeys.find((k) => k.id === createApiKey.apiKey.id)).toMatchObject({
      partner: 'Acme',
      ratePerMinute: 2,
      lastUsedAt: expect.any(String),
    });
    await execute(
      'mutation($id: ID!) { revokeApiKey(id: $id) }',
      { id: createApiKey.apiKey.id },
      {
        token: admin.accessToken,
      },
    );
    const active = await execute<{ apiKeys: { id: string }[] }>(LIST, {}, { token: admin.accessToken });
    expect(active.apiKeys.map((k) => k.id)).not.toContain(createApiKey.apiKey.id);
    const all = await execute<{ apiKeys: { id: string; revokedAt: string | null }[] }>(
      LIST,
      { all: true },
      { token: admin.accessToken },
    );
    expect(all.apiKeys.find((k) => k.id === createApiKey.apiKey.id)?.revokedAt).toEqual(expect.any(String));
  });

  it('are made and listed by ADMINs only, with their inputs checked', async () => {
    const admin = await signUpAdmin();
    const user = await signUp();
    expect(firstCode(await gql(LIST, {}, { token: user.accessToken }))).toBe('FORBIDDEN');
    expect(firstCode(await gql(CREATE, { name: 'x' }, { token: user.accessToken }))).toBe('FORBIDDEN');
    for (const variables of [
      { name: 'x', rate: 0 },
      { name: 'x', ops: [] },
      { name: 'x', ops: ['not an operation!'] },
      { name: '' },
    ])
      expect(firstCode(await gql(CREATE, variables, { token: admin.accessToken }))).toBe('BAD_USER_INPUT');
  });

  it('see PUBLIC data only', async () => {
    const { secret } = await partnerKey();
    const owner = await signUp();
    const saved = async (visibility: string) =>
      (
        await execute<{ saveLink: { id: string } }>(
          'mutation($u: String!, $v: Visibility) { saveLink(url: $u, visibility: $v) { id } }',
          { u: `https://example.com/partner-sees/${visibility}`, v: visibility },
          { token: owner.accessToken },
        )
      ).saveLink.id;
    const [publicId, privateId, followersId] = [
      await saved('PUBLIC'),
      await saved('PRIVATE'),
      await saved('FOLLOWERS'),
    ];
    const card = async (id: string) =>
      ((await byId(secret, 'LinkCard', { id })).data as { link: { id: string } | null } | undefined)?.link ??
      null;
    expect((await card(publicId))?.id).toBe(publicId);
    expect(await card(privateId)).toBeNull();
    expect(await card(followersId)).toBeNull();
  });
});

describe('the listed operations', () => {
  it("every one passes the gateway's limits (depth, cost, aliases, tokens)", async () => {
    const user = await signUp();
    for (const op of manifest.operations.filter((o) => !o.body.trimStart().startsWith('subscription'))) {
      // no variables: a document the limits accept fails only on them, after validation
      const res = await gql(op.body, {}, { token: user.accessToken });
      expect([op.name, firstCode(res)]).not.toEqual([op.name, 'GRAPHQL_VALIDATION_FAILED']);
    }
  });
});
