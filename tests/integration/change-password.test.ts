import { execute, firstCode, gql, signUp } from '@link-archive/testkit';
import { describe, expect, it } from 'vitest';

const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
const SIGN_IN =
  'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken refreshToken } }';
const REFRESH = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }';

describe('changePassword', () => {
  it('takes the current password, ends every other session and keeps this one', async () => {
    const account = await signUp();
    const other = await execute<{ signIn: { accessToken: string; refreshToken: string } }>(SIGN_IN, {
      e: account.email,
      p: account.password,
    });
    const next = `${account.password}-next`;
    expect(
      await execute<{ changePassword: boolean }>(
        CHANGE,
        { c: account.password, n: next },
        {
          token: account.accessToken,
        },
      ),
    ).toEqual({ changePassword: true });

    // the other session is over, at once and for good
    expect(firstCode(await gql('{ me { id } }', {}, { token: other.signIn.accessToken }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(firstCode(await gql(REFRESH, { t: other.signIn.refreshToken }))).toBe('UNAUTHENTICATED');
    // this one goes on
    const me = await execute<{ me: { id: string } }>('{ me { id } }', {}, { token: account.accessToken });
    expect(me.me.id).toBe(account.id);
    await execute(REFRESH, { t: account.refreshToken });
    // only the new password signs in
    expect(firstCode(await gql(SIGN_IN, { e: account.email, p: account.password }))).toBe('UNAUTHENTICATED');
    await execute(SIGN_IN, { e: account.email, p: next });
  });

  it('names what was wrong', async () => {
    const account = await signUp();
    const as = { token: account.accessToken };
    const wrong = await gql(CHANGE, { c: 'not-the-password', n: 'a-new-password' }, as);
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    const short = await gql(CHANGE, { c: account.password, n: 'short' }, as);
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const same = await gql(CHANGE, { c: account.password, n: account.password }, as);
    expect(same.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect(firstCode(await gql(CHANGE, { c: account.password, n: 'a-new-password' }))).toBe(
      'UNAUTHENTICATED',
    );
    const anonymous = await execute<{ signUpAnonymous: { accessToken: string } }>(
      'mutation { signUpAnonymous { accessToken } }',
    );
    const none = await gql(
      CHANGE,
      { c: 'anything-at-all', n: 'a-new-password' },
      {
        token: anonymous.signUpAnonymous.accessToken,
      },
    );
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
  });
});
