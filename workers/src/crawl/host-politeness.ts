import type { Redis } from '@link-archive/core';

/**
 * At most one fetch per host per interval, across every worker process (a Redis key per host that lives
 * for the interval). A job that must wait is delayed by the returned time, not failed, so it keeps its
 * attempts.
 */
export class HostPoliteness {
  constructor(
    private readonly redis: Redis,
    private readonly defaultIntervalMs = 1_000,
  ) {}

  /** 0 when the host may be fetched now (and the slot is taken), else the milliseconds to wait. */
  async acquire(host: string, crawlDelaySeconds?: number): Promise<number> {
    const interval = Math.max(this.defaultIntervalMs, Math.min((crawlDelaySeconds ?? 0) * 1000, 60_000));
    if (interval <= 0) return 0;
    const key = `polite:${host.toLowerCase()}`;
    const taken = await this.redis.set(key, '1', 'PX', interval, 'NX');
    if (taken === 'OK') return 0;
    return Math.max(1, await this.redis.pttl(key));
  }
}
