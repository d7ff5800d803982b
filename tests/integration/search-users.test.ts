import { execute, firstCode, gql, signUp, signUpAdmin, uniqueHandle } from '@link-archive/testkit';
import { describe, expect, it } from 'vitest';

const SEARCH =
  'query($q: String!, $first: Int) { searchUsers(query: $q, first: $first) { id handle displayName } }';

interface Found {
  searchUsers: { id: string; handle: string; displayName: string | null }[];
}

describe('searchUsers', () => {
  it('finds people by handle or display-name prefix, the exact handle first', async () => {
    const stem = uniqueHandle('s').slice(0, 10);
    const exact = await signUp();
    const longer = await signUp();
    const byName = await signUp();
    // handles chosen to share the stem; display names too
    await execute(
      'mutation($h: String) { updateProfile(handle: $h) { id } }',
      { h: stem },
      { token: exact.accessToken },
    );
    await execute(
      'mutation($h: String) { updateProfile(handle: $h) { id } }',
      { h: `${stem}_two` },
      {
        token: longer.accessToken,
      },
    );
    await execute(
      'mutation($d: String) { updateProfile(displayName: $d) { id } }',
      { d: `${stem.toUpperCase()} Kim` },
      {
        token: byName.accessToken,
      },
    );

    const { searchUsers } = await execute<Found>(SEARCH, { q: ` ${stem.toUpperCase()} ` });
    expect(searchUsers.map((u) => u.id)).toEqual([exact.id, longer.id, byName.id]);
    const one = await execute<Found>(SEARCH, { q: stem, first: 1 });
    expect(one.searchUsers.map((u) => u.id)).toEqual([exact.id]);
    // LIKE's wildcards are taken literally
    expect((await execute<Found>(SEARCH, { q: `${stem.slice(0, 3)}%` })).searchUsers).toEqual([]);
  });

  it('hides suspended accounts and refuses bad input by name', async () => {
    const admin = await signUpAdmin();
    const gone = await signUp();
    await execute(
      'mutation($id: ID!) { suspendUser(userId: $id) { id } }',
      { id: gone.id },
      { token: admin.accessToken },
    );
    expect((await execute<Found>(SEARCH, { q: gone.handle })).searchUsers).toEqual([]);
    expect(firstCode(await gql(SEARCH, { q: '   ' }))).toBe('BAD_USER_INPUT');
    expect(firstCode(await gql(SEARCH, { q: 'x'.repeat(101) }))).toBe('BAD_USER_INPUT');
    expect(firstCode(await gql(SEARCH, { q: 'abc', first: 51 }))).toBe('BAD_USER_INPUT');
  });
});
