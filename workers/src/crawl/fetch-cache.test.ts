import { createHash } from 'node:crypto';
import { isolatedRedis } from '@link-archive/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { FetchCache } from './fetch-cache';

const redisSpace = isolatedRedis('fetchcache_test');
// one client per simulated worker process
const workers = Array.from({ length: 4 }, () => redisSpace.client());

afterAll(() => redisSpace.cleanup());

describe('FetchCache', () => {
  it('fetches a URL once for many concurrent savers across workers, then serves the cache', async () => {
    let fetches = 0;
    const fetch = async () => {
      fetches++;
      await new Promise((r) => setTimeout(r, 150));
      return { title: 'Stall 7', fetchedAt: 1 };
    };
    const caches = workers.map((w) => new FetchCache<{ title: string }>(w, { pollMs: 20 }));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        caches[i % caches.length]!.getOrFetch('https://place.example/7', fetch),
      ),
    );
    expect(fetches).toBe(1);
    expect(new Set(results.map((r) => r.title))).toEqual(new Set(['Stall 7']));
    expect(await caches[0]!.getOrFetch('https://place.example/7', fetch)).toEqual({
      title: 'Stall 7',
      fetchedAt: 1,
    });
    expect(fetches).toBe(1);
    const key = `fetch-cache:${createHash('sha256').update('https://place.example/7').digest('hex')}`;
    const ttl = await workers[0]!.ttl(key);
    expect(ttl).toBeGreaterThan(86_000);
  });

  it('lets the next worker fetch when the first one fails, and caches nothing on failure', async () => {
    const cache = new FetchCache<string>(workers[0]!, { pollMs: 20 });
    await expect(
      cache.getOrFetch('https://down.example/', async () => Promise.reject(new Error('TIMEOUT'))),
    ).rejects.toThrow('TIMEOUT');
    expect(await cache.getOrFetch('https://down.example/', async () => 'second try')).toBe('second try');
  });

  it('takes over a lock left by a worker that died, within the lock time', async () => {
    const cache = new FetchCache<string>(workers[1]!, { lockMs: 300, pollMs: 20 });
    const dying = redisSpace.client();
    const dead = new FetchCache<string>(dying, { lockMs: 300, pollMs: 20 });
    // the dead worker's fetch never settles, and its connection is gone: nothing renews its lock
    void dead.getOrFetch('https://stuck.example/', () => new Promise<string>(() => {}));
    await new Promise((r) => setTimeout(r, 30));
    dying.disconnect();
    const started = Date.now();
    expect(await cache.getOrFetch('https://stuck.example/', async () => 'recovered')).toBe('recovered');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('keeps the lock of a live worker whose fetch outlasts the lock time', async () => {
    const [holder, waiter] = [workers[2]!, workers[3]!].map(
      (w) => new FetchCache<string>(w, { lockMs: 150, pollMs: 20 }),
    );
    let fetches = 0;
    const slow = async () => {
      fetches++;
      await new Promise((r) => setTimeout(r, 600));
      return 'slow but alive';
    };
    const first = holder!.getOrFetch('https://slow.example/', slow);
    await new Promise((r) => setTimeout(r, 30));
    const second = waiter!.getOrFetch('https://slow.example/', slow);
    expect(await Promise.all([first, second])).toEqual(['slow but alive', 'slow but alive']);
    expect(fetches).toBe(1);
  });
});
