import { describe, expect, it } from 'vitest';
import { freePort } from '@link-archive/devstack';
import { gql, signUp, startExtraGateway } from '@link-archive/testkit';

describe('when Redis is unreachable', () => {
  it('the gateway still serves signed-in requests and reports itself not ready', async () => {
    const me = await signUp();
    const extra = await startExtraGateway({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    try {
      const res = await gql<{ me: { id: string } }>(
        '{ me { id } }',
        {},
        { token: me.accessToken, url: extra.url },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data?.me.id).toBe(me.id);
      const ready = await fetch(new URL('/readyz', extra.url));
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { checks: Record<string, string> }).checks.redis).toBe('unreachable');
    } finally {
      await extra.stop();
    }
  });
});
