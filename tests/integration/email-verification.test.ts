import { execute, firstCode, gql, signUp, signUpAdmin, type TestAccount } from '@link-archive/testkit';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const VERIFY = 'mutation($t: String!) { verifyEmail(token: $t) { id emailVerified } }';
const VERIFIED = 'query($id: ID!) { me { emailVerified } user(id: $id) { emailVerified } }';

let admin: TestAccount;
beforeAll(async () => {
  admin = await signUpAdmin();
});

/** The confirmation token mailed to `to` (read from the embedded sink as an ADMIN). */
async function mailedToken(to: string): Promise<{ token: string; subject: string }> {
  let found!: { text: string; subject: string };
  await vi.waitFor(
    async () => {
      const { sinkMessages } = await execute<{ sinkMessages: { subject: string; text: string }[] }>(
        'query($to: String) { sinkMessages(to: $to) { subject text } }',
        { to },
        { token: admin.accessToken },
      );
      found = sinkMessages.find((m) => m.subject.includes('Confirm'))!;
      expect(found).toBeDefined();
    },
    { timeout: 10_000, interval: 100 },
  );
  return { token: /[?&]token=([A-Za-z0-9_-]+)/.exec(found.text)![1]!, subject: found.subject };
}

describe('e-mail verification', () => {
  it('mails a confirmation at sign-up; the token confirms the address once', async () => {
    const account = await signUp();
    const before = await execute<{ me: { emailVerified: boolean } }>(
      VERIFIED,
      { id: account.id },
      { token: account.accessToken },
    );
    expect(before.me.emailVerified).toBe(false);
    const { token, subject } = await mailedToken(account.email);
    expect(subject).toBe('Confirm your e-mail for Link Archive');
    // the link may be opened anywhere: no session needed
    const { verifyEmail } = await execute<{ verifyEmail: { id: string } }>(VERIFY, { t: token });
    expect(verifyEmail.id).toBe(account.id);
    const after = await execute<{ me: { emailVerified: boolean }; user: { emailVerified: boolean } }>(
      VERIFIED,
      { id: account.id },
      { token: account.accessToken },
    );
    expect(after).toEqual({ me: { emailVerified: true }, user: { emailVerified: true } });
    const again = await gql(VERIFY, { t: token });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
  });

  it("is the account's own to see, and a bad token is named", async () => {
    const account = await signUp();
    const other = await signUp();
    const seen = await execute<{ user: { emailVerified: boolean | null } }>(
      'query($id: ID!) { user(id: $id) { emailVerified } }',
      { id: account.id },
      { token: other.accessToken },
    );
    expect(seen.user.emailVerified).toBeNull();
    expect(firstCode(await gql(VERIFY, { t: 'not-a-token' }))).toBe('BAD_USER_INPUT');
  });
});
