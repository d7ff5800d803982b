import { describe, expect, it } from 'vitest';
import { gql, signUp } from '@link-archive/testkit';

/** In-flight sharing (GATEWAY_DEDUP, on in the test stack): only identical reads of one identity share. */
describe('identical requests in flight', () => {
  it('never share a result across identities', async () => {
    const people = await Promise.all(Array.from({ length: 6 }, () => signUp()));
    const answers = await Promise.all(
      people.flatMap((p) =>
        Array.from({ length: 3 }, () =>
          gql<{ me: { id: string } }>('{ me { id handle } }', {}, { token: p.accessToken }),
        ),
      ),
    );
    answers.forEach((answer, i) => expect(answer.data?.me.id).toBe(people[Math.floor(i / 3)]!.id));
  });

  it('never share a mutation: identical ones each run', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        gql<{ signUpAnonymous: { user: { id: string } } }>('mutation { signUpAnonymous { user { id } } }'),
      ),
    );
    const ids = results.map((r) => r.data?.signUpAnonymous.user.id);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(5);
  });
});
