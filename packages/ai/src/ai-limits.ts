import type { Redis } from '@link-archive/core';

export type Plan = 'FREE' | 'BASIC' | 'PREMIUM' | 'ENTERPRISE';

/** Model calls per owner per UTC day, by plan (FREE lowest); past it, tags come from the heuristic tagger. */
export class AiQuota {
  constructor(
    private readonly redis: Redis,
    private readonly perPlan: Record<Plan, number>,
  ) {}

  /** Takes one call from the owner's day; null when none is left, else how to give it back unused. */
  async take(ownerId: string, plan: string): Promise<(() => Promise<void>) | null> {
    const limit = this.perPlan[plan as Plan] ?? this.perPlan.FREE;
    if (limit <= 0) return null;
    const key = `ai-quota:${ownerId}:${new Date().toISOString().slice(0, 10)}`;
    const [[, used]] = (await this.redis.multi().incr(key).expire(key, 172_800).exec()) as [[null, number]];
    const giveBack = async () => void (await this.redis.decr(key));
    if (used <= limit) return giveBack;
    await giveBack();
    return null;
  }
}

/** Model calls per minute across every worker process; answers how long to wait when the minute is used up. */
export class AiRateLimit {
  constructor(
    private readonly redis: Redis,
    private readonly perMinute: number,
  ) {}

  async take(): Promise<number> {
    const minute = Math.floor(Date.now() / 60_000);
    const key = `ai-rate:${minute}`;
    const [[, used]] = (await this.redis.multi().incr(key).expire(key, 120).exec()) as [[null, number]];
    if (used <= this.perMinute) return 0;
    await this.redis.decr(key);
    return (minute + 1) * 60_000 - Date.now();
  }
}
