import { execute, firstCode, gql, signUp, signUpAdmin, type TestAccount } from '@link-archive/testkit';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const REQUEST = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const RESET = `mutation($t: String!, $p: String!) {
  resetPassword(token: $t, newPassword: $p) { accessToken refreshToken user { id } } }`;
const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }';
const MAIL = `query($to: String) { sinkMessages(to: $to, first: 20) { recipients subject text html } }`;

interface Mail {
  recipients: string[];
  subject: string;
  text: string;
  html: string;
}

let admin: TestAccount;
beforeAll(async () => {
  admin = await signUpAdmin();
});

const RESET_SUBJECTS = ['Reset your Link Archive password', 'Link Archive 비밀번호 재설정'];

/** The password reset mail the embedded sink received for `to`, newest first (an ADMIN reads it). */
const mailTo = async (to: string) =>
  (await execute<{ sinkMessages: Mail[] }>(MAIL, { to }, { token: admin.accessToken })).sinkMessages.filter(
    (m) => RESET_SUBJECTS.includes(m.subject),
  );

/** Waits for the `count`th mail to `to` and reads the reset token out of it. */
async function tokenFrom(to: string, count = 1): Promise<{ token: string; mail: Mail }> {
  let mail!: Mail;
  await vi.waitFor(
    async () => {
      const got = await mailTo(to);
      expect(got.length).toBeGreaterThanOrEqual(count);
      mail = got[0]!;
    },
    { timeout: 10_000, interval: 100 },
  );
  const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
  expect(token).toBeDefined();
  return { token: token!, mail };
}

describe('password reset by e-mail', () => {
  it('mails a single-use token; using it sets the password, ends every session and starts a new one', async () => {
    const account = await signUp();
    expect(await execute(REQUEST, { e: account.email.toUpperCase() })).toEqual({
      requestPasswordReset: true,
    });
    const { token, mail } = await tokenFrom(account.email);
    expect(mail.recipients).toEqual([account.email]);
    expect(mail.subject).toBe('Reset your Link Archive password');
    expect(mail.html).toContain(`token=${token}`);
    expect(mail.text).toContain(account.handle);

    const next = `${account.password}-reset`;
    const { resetPassword } = await execute<{
      resetPassword: { accessToken: string; refreshToken: string; user: { id: string } };
    }>(RESET, { t: token, p: next });
    expect(resetPassword.user.id).toBe(account.id);
    // the sessions from before are over; the new one works
    expect(firstCode(await gql('{ me { id } }', {}, { token: account.accessToken }))).toBe('UNAUTHENTICATED');
    expect(
      firstCode(
        await gql('mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', {
          t: account.refreshToken,
        }),
      ),
    ).toBe('UNAUTHENTICATED');
    const me = await execute<{ me: { id: string } }>(
      '{ me { id } }',
      {},
      { token: resetPassword.accessToken },
    );
    expect(me.me.id).toBe(account.id);
    expect(firstCode(await gql(SIGN_IN, { e: account.email, p: account.password }))).toBe('UNAUTHENTICATED');
    await execute(SIGN_IN, { e: account.email, p: next });
    // once only
    const again = await gql(RESET, { t: token, p: `${next}-again` });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
  });

  it('answers true for an address nobody has, and mails nothing', async () => {
    const nobody = `nobody-${Date.now()}@example.test`;
    expect(await execute(REQUEST, { e: nobody })).toEqual({ requestPasswordReset: true });
    // a positive sentinel after it: a real account's mail, requested later, has arrived
    const account = await signUp();
    await execute(REQUEST, { e: account.email });
    await tokenFrom(account.email);
    expect(await mailTo(nobody)).toEqual([]);
  });

  it("writes in the account's language", async () => {
    const account = await signUp();
    await execute('mutation { updateProfile(language: "ko") { id } }', {}, { token: account.accessToken });
    await execute(REQUEST, { e: account.email });
    const { mail } = await tokenFrom(account.email);
    expect(mail.subject).toBe('Link Archive 비밀번호 재설정');
    expect(mail.html).toContain('lang="ko"');
    expect(
      firstCode(
        await gql('mutation { updateProfile(language: "fr") { id } }', {}, { token: account.accessToken }),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('refuses bad input by name, and limits requests per address', async () => {
    expect(firstCode(await gql(REQUEST, { e: 'not an address' }))).toBe('BAD_USER_INPUT');
    const bad = await gql(RESET, { t: 'no-such-token', p: 'long-enough-password' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    const short = await gql(RESET, { t: 'no-such-token', p: 'short' });
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const account = await signUp();
    const codes: unknown[] = [];
    for (let i = 0; i < 7; i++) codes.push(firstCode(await gql(REQUEST, { e: account.email })));
    expect(codes.slice(0, 5)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(codes.slice(5)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('lets only ADMINs read the sink', async () => {
    const user = await signUp();
    expect(firstCode(await gql(MAIL, {}, { token: user.accessToken }))).toBe('FORBIDDEN');
  });
});
