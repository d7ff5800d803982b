import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@link-archive/devstack';
import { execute, stack, uniqueHandle } from './client';

export interface TestAccount {
  id: string;
  handle: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

const SIGN_UP = `mutation SignUp($email: String!, $password: String!, $handle: String!) {
  signUp(email: $email, password: $password, handle: $handle) { accessToken refreshToken user { id handle } }
}`;

/** A fresh account per call, so tests never share state. */
export async function signUp(): Promise<TestAccount> {
  const handle = uniqueHandle();
  const email = `${handle}@example.test`;
  const password = `pw-${handle}-long-enough`;
  const { signUp: auth } = await execute<{
    signUp: { accessToken: string; refreshToken: string; user: { id: string; handle: string } };
  }>(SIGN_UP, { email, password, handle });
  return {
    id: auth.user.id,
    handle,
    email,
    password,
    accessToken: auth.accessToken,
    refreshToken: auth.refreshToken,
  };
}

/** An ADMIN account, made with the user subgraph's own grant-admin command, then signed in again. */
export async function signUpAdmin(): Promise<TestAccount> {
  const account = await signUp();
  await promisify(execFile)(
    process.execPath,
    [join(repoRoot, 'subgraphs/user/dist/cli/grant-admin.js'), account.handle],
    {
      env: { ...process.env, DATABASE_URL: stack().databaseUrl },
    },
  );
  const { signIn } = await execute<{ signIn: { accessToken: string; refreshToken: string } }>(
    `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { accessToken refreshToken } }`,
    { email: account.email, password: account.password },
  );
  return { ...account, ...signIn };
}
