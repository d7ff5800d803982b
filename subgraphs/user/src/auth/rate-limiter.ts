import { rateLimited, type Redis } from '@link-archive/core';

/**
 * Fixed-window counters in Redis. Each call is one attempt, so ten aliased signIn fields in one
 * request count as ten.
 */
export class RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly name: string,
    private readonly max: number,
    private readonly windowSeconds: number,
  ) {}

  async hit(subject: string): Promise<void> {
    const key = `ratelimit:${this.name}:${subject}`;
    // the window starts with the first attempt (EXPIRE NX), in the same transaction as the count
    const [[, count], , [, ttl]] = (await this.redis
      .multi()
      .incr(key)
      .expire(key, this.windowSeconds, 'NX')
      .ttl(key)
      .exec()) as [[null, number], [null, number], [null, number]];
    if (count > this.max) {
      throw rateLimited(ttl > 0 ? ttl : this.windowSeconds, 'Too many attempts, try again later');
    }
  }

  async reset(subject: string): Promise<void> {
    await this.redis.del(`ratelimit:${this.name}:${subject}`);
  }
}
