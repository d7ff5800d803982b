import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@link-archive/devstack';
import {
  execute,
  firstCode,
  gql,
  signUp,
  signUpAdmin,
  stack,
  uniqueHandle,
  type TestAccount,
} from '@link-archive/testkit';
import { buildSchema, parse, validate } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';

const ADMIN_USERS = `query($q: String, $first: Int, $after: String) {
  adminUsers(query: $q, first: $first, after: $after) {
    edges { cursor node { id handle role plan suspendedAt } } pageInfo { hasNextPage endCursor } } }`;
const SET_ROLE = 'mutation($id: ID!, $role: Role!) { setUserRole(userId: $id, role: $role) { id role } }';
const SET_PLAN = 'mutation($id: ID!, $plan: Plan!) { setUserPlan(userId: $id, plan: $plan) { id plan } }';
const SUSPEND =
  'mutation($id: ID!, $reason: String) { suspendUser(userId: $id, reason: $reason) { id suspendedAt } }';
const UNSUSPEND = 'mutation($id: ID!) { unsuspendUser(userId: $id) { id suspendedAt } }';
const AUDIT = `query($first: Int) { adminAuditLog(first: $first) {
  edges { node { action actor { id } target { id handle } detail createdAt } } } }`;
const SIGN_IN =
  'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken user { id plan } } }';
const REFRESH = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }';

interface UsersPage {
  adminUsers: {
    edges: { node: { id: string; handle: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

let admin: TestAccount;
beforeAll(async () => {
  admin = await signUpAdmin();
});

describe('admin operations', () => {
  it('are refused to anyone but an ADMIN', async () => {
    const user = await signUp();
    const other = await signUp();
    for (const [query, variables] of [
      [ADMIN_USERS, {}],
      [AUDIT, {}],
      [SET_ROLE, { id: other.id, role: 'ADMIN' }],
      [SET_PLAN, { id: other.id, plan: 'PREMIUM' }],
      [SUSPEND, { id: other.id }],
    ] as const) {
      expect(firstCode(await gql(query, variables, { token: user.accessToken }))).toBe('FORBIDDEN');
      expect(firstCode(await gql(query, variables))).toBe('UNAUTHENTICATED');
    }
  });

  it('find accounts by handle prefix, newest first, in pages', async () => {
    // handles sharing a stem no other test's account has (by handle, e-mail or display name: all three match)
    const stem = uniqueHandle('a').slice(0, 10);
    const handles: string[] = [];
    for (const n of [1, 2, 3]) {
      const account = await signUp();
      const handle = `${stem}_${n}`;
      await execute(
        'mutation($h: String) { updateProfile(handle: $h) { id } }',
        { h: handle },
        {
          token: account.accessToken,
        },
      );
      handles.push(handle);
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 500; i++) {
      const page: UsersPage = await execute<UsersPage>(
        ADMIN_USERS,
        { q: stem, first: 1, after },
        { token: admin.accessToken },
      );
      const { adminUsers } = page;
      seen.push(...adminUsers.edges.map((e) => e.node.handle));
      if (!adminUsers.pageInfo.hasNextPage) break;
      after = adminUsers.pageInfo.endCursor;
    }
    // newest first, a page at a time
    expect(seen).toEqual([...handles].reverse());
    const { adminUsers } = await execute<{ adminUsers: { edges: { node: { handle: string } }[] } }>(
      ADMIN_USERS,
      { q: stem.toUpperCase(), first: 100 },
      { token: admin.accessToken },
    );
    // case-insensitive; the exact handle too
    expect(adminUsers.edges.map((e) => e.node.handle)).toEqual([...handles].reverse());
    const exact = await execute<{ adminUsers: { edges: { node: { handle: string } }[] } }>(
      ADMIN_USERS,
      { q: handles[0] },
      { token: admin.accessToken },
    );
    expect(exact.adminUsers.edges.map((e) => e.node.handle)).toEqual([handles[0]]);
    expect(firstCode(await gql(ADMIN_USERS, { q: 'x'.repeat(101) }, { token: admin.accessToken }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('change role and plan, carried by the next session refresh, and audit each change', async () => {
    const user = await signUp();
    await execute(SET_PLAN, { id: user.id, plan: 'PREMIUM' }, { token: admin.accessToken });
    await execute(SET_ROLE, { id: user.id, role: 'ADMIN' }, { token: admin.accessToken });
    const { refreshSession } = await execute<{ refreshSession: { accessToken: string } }>(REFRESH, {
      t: user.refreshToken,
    });
    // the refreshed token is an ADMIN's: it may read the audit log
    const { adminAuditLog } = await execute<{
      adminAuditLog: {
        edges: { node: { action: string; actor: { id: string }; target: { id: string }; detail: string } }[];
      };
    }>(AUDIT, { first: 50 }, { token: refreshSession.accessToken });
    const mine = adminAuditLog.edges.map((e) => e.node).filter((n) => n.target.id === user.id);
    expect(mine.map((n) => [n.action, JSON.parse(n.detail)])).toEqual([
      ['SET_ROLE', { from: 'USER', to: 'ADMIN' }],
      ['SET_PLAN', { from: 'FREE', to: 'PREMIUM' }],
    ]);
    expect(mine.every((n) => n.actor.id === admin.id)).toBe(true);
    expect(firstCode(await gql(SET_ROLE, { id: admin.id, role: 'USER' }, { token: admin.accessToken }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      firstCode(
        await gql(
          SET_PLAN,
          { id: '00000000-0000-0000-0000-000000000000', plan: 'BASIC' },
          { token: admin.accessToken },
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  it('suspend an account: its sessions end, sign-in is refused with ACCOUNT_SUSPENDED, until let back', async () => {
    const user = await signUp();
    await execute('{ me { id } }', {}, { token: user.accessToken });
    const { suspendUser } = await execute<{ suspendUser: { suspendedAt: string | null } }>(
      SUSPEND,
      { id: user.id, reason: 'spam' },
      { token: admin.accessToken },
    );
    expect(suspendUser.suspendedAt).not.toBeNull();
    // the open session's access token is refused at once, its refresh token too
    expect(firstCode(await gql('{ me { id } }', {}, { token: user.accessToken }))).toBe('UNAUTHENTICATED');
    expect(firstCode(await gql(REFRESH, { t: user.refreshToken }))).toBe('UNAUTHENTICATED');
    const refused = await gql(SIGN_IN, { e: user.email, p: user.password });
    expect(firstCode(refused)).toBe('ACCOUNT_SUSPENDED');
    // a wrong password says nothing about the suspension
    expect(firstCode(await gql(SIGN_IN, { e: user.email, p: 'not-the-password' }))).toBe('UNAUTHENTICATED');
    // only ADMINs see it
    const seen = await execute<{ user: { suspendedAt: string | null } }>(
      'query($id: ID!) { user(id: $id) { suspendedAt } }',
      { id: user.id },
      { token: (await signUp()).accessToken },
    );
    expect(seen.user.suspendedAt).toBeNull();
    expect(firstCode(await gql(SUSPEND, { id: admin.id }, { token: admin.accessToken }))).toBe(
      'BAD_USER_INPUT',
    );

    await execute(UNSUSPEND, { id: user.id }, { token: admin.accessToken });
    const { signIn } = await execute<{ signIn: { user: { id: string } } }>(SIGN_IN, {
      e: user.email,
      p: user.password,
    });
    expect(signIn.user.id).toBe(user.id);
    const { adminAuditLog } = await execute<{
      adminAuditLog: { edges: { node: { action: string; target: { id: string }; detail: string } }[] };
    }>(AUDIT, { first: 50 }, { token: admin.accessToken });
    const mine = adminAuditLog.edges.map((e) => e.node).filter((n) => n.target.id === user.id);
    expect(mine.map((n) => [n.action, JSON.parse(n.detail)])).toEqual([
      ['UNSUSPEND', {}],
      ['SUSPEND', { reason: 'spam' }],
    ]);
  });

  it('open in the Playground as tabs, each valid against the API', async () => {
    const page = await fetch(stack().gatewayUrl, { headers: { accept: 'text/html' } }).then((r) => r.text());
    const config = JSON.parse(
      /<script id="playground-config" type="application\/json">(.*?)<\/script>/s.exec(page)![1]!,
    ) as { tabs: { name: string; query: string }[] };
    const api = buildSchema(readFileSync(join(repoRoot, 'schema/api.graphql'), 'utf8'));
    const admin = config.tabs.filter((t) => t.name.startsWith('Admin'));
    expect(admin.map((t) => t.name)).toEqual([
      'Admin: accounts',
      'Admin: role, plan, suspension',
      'Admin: audit log',
    ]);
    for (const tab of config.tabs) expect(validate(api, parse(tab.query)), tab.name).toEqual([]);
    const operations = admin.map((t) => t.query).join('\n');
    for (const field of ['adminUsers', 'setUserRole', 'setUserPlan', 'suspendUser', 'adminAuditLog'])
      expect(operations).toContain(field);
  });
});
