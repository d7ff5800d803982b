import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from '@link-archive/core';

export interface FetchCacheOptions {
  ttlSeconds?: number;
  /**
   * How long the lock on a URL's fetch lives without renewal: the holder renews it while it fetches, so a worker
   * that died leaves it for at most this long.
   */
  lockMs?: number;
  /** The longest one worker may keep renewing: a fetch that hangs past it loses the lock. */
  maxHoldMs?: number;
  /** How often waiting workers look for the result. */
  pollMs?: number;
}

// release only our own lock, in one step: a slow fetch may have outlived it and another worker taken over
const RELEASE_OWN_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;
const RENEW_OWN_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0`;

/**
 * Crawl results by normalized URL for a day, shared by every user and worker: a place saved by a thousand
 * people is fetched once. Concurrent misses take a lock, so only one of them fetches; the others wait for
 * its result (or take over when the lock expires because that worker died).
 */
export class FetchCache<T> {
  private readonly ttlSeconds: number;
  private readonly lockMs: number;
  private readonly maxHoldMs: number;
  private readonly pollMs: number;

  constructor(
    private readonly redis: Redis,
    options: FetchCacheOptions = {},
  ) {
    this.ttlSeconds = options.ttlSeconds ?? 86_400;
    this.lockMs = options.lockMs ?? 5_000;
    this.maxHoldMs = options.maxHoldMs ?? 45_000;
    this.pollMs = options.pollMs ?? 100;
  }

  /** Stores a fresh result (an explicit recrawl) for everyone who saves the URL after it. */
  async put(normalizedUrl: string, value: T): Promise<void> {
    await this.redis.set(this.keyOf(normalizedUrl), JSON.stringify(value), 'EX', this.ttlSeconds);
  }

  private keyOf(normalizedUrl: string): string {
    return `fetch-cache:${createHash('sha256').update(normalizedUrl).digest('hex')}`;
  }

  async getOrFetch(normalizedUrl: string, fetch: () => Promise<T>): Promise<T> {
    const key = this.keyOf(normalizedUrl);
    const lock = `${key}:lock`;
    const token = randomUUID();
    for (;;) {
      const cached = await this.redis.get(key);
      if (cached !== null) return JSON.parse(cached) as T;
      if ((await this.redis.set(lock, token, 'PX', this.lockMs, 'NX')) === 'OK') {
        // the previous holder may have stored its result and let go between our read and our lock
        const stored = await this.redis.get(key);
        if (stored === null) break;
        await this.redis.eval(RELEASE_OWN_LOCK, 1, lock, token);
        return JSON.parse(stored) as T;
      }
      await new Promise((r) => setTimeout(r, this.pollMs));
    }
    const until = Date.now() + this.maxHoldMs;
    const heartbeat = setInterval(() => {
      if (Date.now() > until) return clearInterval(heartbeat);
      this.redis.eval(RENEW_OWN_LOCK, 1, lock, token, this.lockMs).catch(() => {});
    }, this.lockMs / 3);
    try {
      const value = await fetch();
      await this.redis.set(key, JSON.stringify(value), 'EX', this.ttlSeconds);
      return value;
    } finally {
      clearInterval(heartbeat);
      await this.redis.eval(RELEASE_OWN_LOCK, 1, lock, token);
    }
  }
}
