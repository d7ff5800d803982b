import { describe, expect, it } from 'vitest';
import { execute, firstCode, gql, randomIp, signUp, signUpAdmin, uniqueHandle } from '@link-archive/testkit';

const AUTH_FIELDS = 'accessToken refreshToken expiresAt user { id handle isAnonymous role plan }';
const SIGN_IN = `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { ${AUTH_FIELDS} } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { ${AUTH_FIELDS} } }`;
const ME = '{ me { id handle email: handle } }';

describe('accounts', () => {
  it('signs up, signs in and answers me', async () => {
    const account = await signUp();
    const { me } = await execute<{ me: { id: string; handle: string } }>(
      ME,
      {},
      { token: account.accessToken },
    );
    expect(me).toMatchObject({ id: account.id, handle: account.handle });
    const { signIn } = await execute<{ signIn: { user: { id: string }; expiresAt: string } }>(SIGN_IN, {
      email: account.email.toUpperCase(),
      password: account.password,
    });
    expect(signIn.user.id).toBe(account.id);
    const ttl = new Date(signIn.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(14 * 60_000);
    expect(ttl).toBeLessThanOrEqual(15 * 60_000);
  });

  it('refuses a wrong password with UNAUTHENTICATED and no hint which part was wrong', async () => {
    const account = await signUp();
    const wrong = await gql(SIGN_IN, { email: account.email, password: 'not-the-password' });
    const unknown = await gql(SIGN_IN, { email: 'nobody@example.test', password: 'not-the-password' });
    expect(firstCode(wrong)).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
  });

  it('validates sign-up input with the field that was wrong', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ email: 'not-an-email', password: 'long-enough-pw', handle: uniqueHandle() }, 'email'],
      [{ email: `${uniqueHandle()}@x.test`, password: 'short', handle: uniqueHandle() }, 'password'],
      [
        { email: `${uniqueHandle()}@x.test`, password: 'long-enough-pw', handle: 'no spaces allowed' },
        'handle',
      ],
      [{ email: `${uniqueHandle()}@x.test`, password: 'long-enough-pw', handle: 'shit_happens' }, 'handle'],
    ];
    for (const [vars, field] of cases) {
      const res = await gql(
        'mutation($email: String!, $password: String!, $handle: String!) { signUp(email: $email, password: $password, handle: $handle) { accessToken } }',
        vars,
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('keeps handles and e-mails unique, case-insensitively', async () => {
    const account = await signUp();
    const dupHandle = await gql(
      'mutation($e: String!, $h: String!) { signUp(email: $e, password: "long-enough-pw", handle: $h) { accessToken } }',
      { e: `${uniqueHandle()}@x.test`, h: account.handle.toUpperCase() },
    );
    expect(dupHandle.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'handle' });
    const dupEmail = await gql(
      'mutation($e: String!, $h: String!) { signUp(email: $e, password: "long-enough-pw", handle: $h) { accessToken } }',
      { e: account.email.toUpperCase(), h: uniqueHandle() },
    );
    expect(dupEmail.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  });

  it('signs up anonymously without any personal data', async () => {
    const { signUpAnonymous } = await execute<{
      signUpAnonymous: { accessToken: string; user: { handle: string; isAnonymous: boolean } };
    }>(`mutation { signUpAnonymous { ${AUTH_FIELDS} } }`);
    expect(signUpAnonymous.user.isAnonymous).toBe(true);
    expect(signUpAnonymous.user.handle).toMatch(/^anon_/);
    const { me } = await execute<{ me: { handle: string } }>(ME, {}, { token: signUpAnonymous.accessToken });
    expect(me.handle).toBe(signUpAnonymous.user.handle);
  });

  it('rotates refresh tokens, and replaying a rotated one revokes the whole family', async () => {
    const account = await signUp();
    const first = await execute<{ refreshSession: { refreshToken: string; accessToken: string } }>(REFRESH, {
      t: account.refreshToken,
    });
    expect(first.refreshSession.refreshToken).not.toBe(account.refreshToken);
    const second = await execute<{ refreshSession: { refreshToken: string; accessToken: string } }>(REFRESH, {
      t: first.refreshSession.refreshToken,
    });

    const replay = await gql(REFRESH, { t: account.refreshToken });
    expect(firstCode(replay)).toBe('UNAUTHENTICATED');
    expect(replay.errors?.[0]?.message).toMatch(/already used/);
    // the newest token of the family is dead too, and so are its access tokens
    expect(firstCode(await gql(REFRESH, { t: second.refreshSession.refreshToken }))).toBe('UNAUTHENTICATED');
    const me = await gql(ME, {}, { token: second.refreshSession.accessToken });
    expect(me.status).toBe(401);
  });

  it('signs out: the refresh token and the session access tokens stop working', async () => {
    const account = await signUp();
    expect(
      await execute('mutation($t: String!) { signOut(refreshToken: $t) }', { t: account.refreshToken }),
    ).toEqual({
      signOut: true,
    });
    expect(firstCode(await gql(REFRESH, { t: account.refreshToken }))).toBe('UNAUTHENTICATED');
    expect((await gql(ME, {}, { token: account.accessToken })).status).toBe(401);
  });

  it('updates the profile with caps and a unique handle', async () => {
    const account = await signUp();
    const handle = uniqueHandle('new');
    const { updateProfile } = await execute<{
      updateProfile: { handle: string; displayName: string; bio: null };
    }>(
      'mutation($h: String) { updateProfile(displayName: "  Ada  ", bio: "", handle: $h) { handle displayName bio } }',
      { h: handle.toUpperCase() },
      { token: account.accessToken },
    );
    expect(updateProfile).toEqual({ handle, displayName: 'Ada', bio: null });
    const tooLong = await gql(
      'mutation($b: String) { updateProfile(bio: $b) { id } }',
      { b: 'x'.repeat(501) },
      { token: account.accessToken },
    );
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bio' });
    const nul = await gql(
      'mutation($b: String) { updateProfile(bio: $b) { id } }',
      { b: 'a\u0000' },
      { token: account.accessToken },
    );
    expect(nul.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bio' });
    const lookup = await execute('query($h: String!) { userByHandle(handle: $h) { id } }', { h: 'x\u0000y' });
    expect(lookup).toEqual({ userByHandle: null });
    const anonymous = await gql('mutation { updateProfile(bio: "x") { id } }');
    expect(firstCode(anonymous)).toBe('UNAUTHENTICATED');
  });

  it('finds users by id and by handle, case-insensitively', async () => {
    const account = await signUp();
    const data = await execute<{ user: { handle: string }; userByHandle: { id: string }; missing: null }>(
      'query($id: ID!, $h: String!) { user(id: $id) { handle } userByHandle(handle: $h) { id } missing: user(id: "nope") { id } }',
      { id: account.id, h: account.handle.toUpperCase() },
    );
    expect(data).toEqual({
      user: { handle: account.handle },
      userByHandle: { id: account.id },
      missing: null,
    });
  });

  it('limits login attempts per account', async () => {
    const account = await signUp();
    const codes = [];
    for (let i = 0; i < 12; i++) {
      codes.push(firstCode(await gql(SIGN_IN, { email: account.email, password: 'wrong-password' })));
    }
    expect(codes).toEqual([...Array(10).fill('UNAUTHENTICATED'), 'RATE_LIMITED', 'RATE_LIMITED']);
    // while the account is locked, the right password from another address is refused too
    const locked = await gql(
      SIGN_IN,
      { email: account.email, password: account.password },
      { ip: randomIp() },
    );
    expect(firstCode(locked)).toBe('RATE_LIMITED');
    expect(locked.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
  });

  it('limits login attempts per IP, counting every aliased field of a request as one attempt', async () => {
    const account = await signUp();
    const ip = randomIp();
    const aliases = Array.from(
      { length: 13 },
      (_, i) => `a${i}: signIn(email: $email, password: $password) { accessToken }`,
    ).join('\n');
    const mutation = `mutation($email: String!, $password: String!) { ${aliases} }`;
    const vars = { email: account.email, password: account.password };
    for (let i = 0; i < 3; i++) {
      const ok = await gql<Record<string, { accessToken: string }>>(mutation, vars, { ip });
      expect(Object.keys(ok.data ?? {})).toHaveLength(13);
    }
    // 39 attempts so far; the limit is 50, so the fourth request's 12th field is the 51st attempt
    const fourth = await gql(mutation, vars, { ip });
    expect(firstCode(fourth)).toBe('RATE_LIMITED');
    expect(fourth.errors?.[0]?.path).toEqual(['a11']);
  });

  it('lets only ADMINs create and revoke API keys; the secret is shown once', async () => {
    const user = await signUp();
    const denied = await gql(
      'mutation { createApiKey(name: "x") { secret } }',
      {},
      { token: user.accessToken },
    );
    expect(firstCode(denied)).toBe('FORBIDDEN');
    const admin = await signUpAdmin();
    const { createApiKey } = await execute<{
      createApiKey: {
        secret: string;
        apiKey: { id: string; prefix: string; name: string; lastUsedAt: null };
      };
    }>(
      'mutation { createApiKey(name: " Partner A ") { secret apiKey { id name prefix lastUsedAt } } }',
      {},
      {
        token: admin.accessToken,
      },
    );
    expect(createApiKey.apiKey.name).toBe('Partner A');
    expect(createApiKey.secret.startsWith(createApiKey.apiKey.prefix)).toBe(true);
    expect(createApiKey.secret.length).toBeGreaterThan(40);
    const revoke = 'mutation($id: ID!) { revokeApiKey(id: $id) }';
    expect(firstCode(await gql(revoke, { id: createApiKey.apiKey.id }, { token: user.accessToken }))).toBe(
      'FORBIDDEN',
    );
    expect(await execute(revoke, { id: createApiKey.apiKey.id }, { token: admin.accessToken })).toEqual({
      revokeApiKey: true,
    });
    expect(firstCode(await gql(revoke, { id: createApiKey.apiKey.id }, { token: admin.accessToken }))).toBe(
      'NOT_FOUND',
    );
  });

  it('deletes an account and its sessions', async () => {
    const account = await signUp();
    expect(await execute('mutation { deleteAccount }', {}, { token: account.accessToken })).toEqual({
      deleteAccount: true,
    });
    expect((await gql(ME, {}, { token: account.accessToken })).status).toBe(401);
    const again = await gql(SIGN_IN, { email: account.email, password: account.password });
    expect(firstCode(again)).toBe('UNAUTHENTICATED');
  });
});
