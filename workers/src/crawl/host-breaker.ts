import type { Redis } from '@link-archive/core';

export interface BreakerOptions {
  /** Failures within the window that open the breaker. */
  threshold?: number;
  windowSeconds?: number;
  /** How long an open breaker stops fetches from a host. */
  cooldownSeconds?: number;
}

/**
 * A per-host failure breaker shared by all workers: after `threshold` failures in `windowSeconds`, the host
 * is left alone for `cooldownSeconds`, so one dead site cannot eat every worker's time.
 */
export class HostBreaker {
  private readonly threshold: number;
  private readonly windowSeconds: number;
  private readonly cooldownSeconds: number;

  constructor(
    private readonly redis: Redis,
    options: BreakerOptions = {},
  ) {
    this.threshold = options.threshold ?? 5;
    this.windowSeconds = options.windowSeconds ?? 600;
    this.cooldownSeconds = options.cooldownSeconds ?? 900;
  }

  /** Seconds until the host may be tried again, or 0 when the breaker is closed. */
  async openFor(host: string): Promise<number> {
    const ttl = await this.redis.ttl(`breaker-open:${host.toLowerCase()}`);
    return ttl > 0 ? ttl : 0;
  }

  async failure(host: string): Promise<void> {
    const h = host.toLowerCase();
    const [[, count]] = (await this.redis
      .multi()
      .incr(`breaker:${h}`)
      .expire(`breaker:${h}`, this.windowSeconds, 'NX')
      .exec()) as [[null, number], unknown];
    if (count >= this.threshold) {
      await this.redis
        .multi()
        .set(`breaker-open:${h}`, '1', 'EX', this.cooldownSeconds)
        .del(`breaker:${h}`)
        .exec();
    }
  }

  async success(host: string): Promise<void> {
    await this.redis.del(`breaker:${host.toLowerCase()}`);
  }
}
