import { createHash } from 'node:crypto';
import type { Logger, Redis } from '@link-archive/core';
import type { AiEnvironment } from './ai-environment';
import { AiQuota, AiRateLimit } from './ai-limits';
import { AiCallError, ChatJson } from './chat-json';

/** Every model call of the minute is taken; the work waits this long and runs again. */
export class AiRateLimited extends Error {
  constructor(readonly ms: number) {
    super(`model calls used up for ${ms} ms`);
    this.name = 'AiRateLimited';
  }
}

const CACHE_SECONDS = 30 * 86_400;

export interface AiOwner {
  id: string;
  plan: string;
}

/**
 * What every use of the model goes through: the same input is never sent twice (answers cached by a hash of
 * the model, the task and the input), the owner's daily quota by plan, then the global calls per minute.
 * `run` answers null when the model may not or could not answer: the caller's local heuristic takes over.
 */
export class AiBudget {
  readonly chat: ChatJson | null;
  private readonly quota: AiQuota;
  private readonly rate: AiRateLimit;

  constructor(
    private readonly redis: Redis,
    private readonly env: AiEnvironment,
    private readonly logger: Logger,
  ) {
    this.chat = env.OPENAI_API_KEY
      ? new ChatJson({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL })
      : null;
    this.quota = new AiQuota(redis, {
      FREE: env.AI_DAILY_QUOTA_FREE,
      BASIC: env.AI_DAILY_QUOTA_BASIC,
      PREMIUM: env.AI_DAILY_QUOTA_PREMIUM,
      ENTERPRISE: env.AI_DAILY_QUOTA_ENTERPRISE,
    });
    this.rate = new AiRateLimit(redis, env.AI_CALLS_PER_MINUTE);
  }

  /**
   * Runs one model call for `owner` unless its answer is cached; throws AiRateLimited when the minute's calls
   * are used up and `onRateLimit` is 'throw' (a job that can wait), else answers null (a person waiting).
   */
  async run<T>(
    task: string,
    owner: AiOwner,
    input: unknown,
    call: (chat: ChatJson) => Promise<T>,
    options: { onRateLimit: 'throw' | 'skip'; context?: Record<string, unknown> },
  ): Promise<T | null> {
    if (!this.chat) return null;
    const hash = createHash('sha256')
      .update(JSON.stringify([this.env.OPENAI_MODEL, task, input]))
      .digest('hex');
    const cacheKey = `ai-${task}:${hash}`;
    const cached = await this.redis.get(cacheKey);
    if (cached) return JSON.parse(cached) as T;
    // the owner's quota first: an owner past it must not use up everyone's calls per minute
    const giveBack = await this.quota.take(owner.id, owner.plan);
    if (!giveBack) return null;
    const wait = await this.rate.take();
    if (wait > 0) {
      await giveBack(); // the work runs again after the wait and takes it then
      if (options.onRateLimit === 'throw') throw new AiRateLimited(wait);
      return null;
    }
    try {
      const answer = await call(this.chat);
      await this.redis.set(cacheKey, JSON.stringify(answer), 'EX', CACHE_SECONDS);
      return answer;
    } catch (err) {
      if (!(err instanceof AiCallError)) throw err;
      this.logger.warn(
        { task, code: err.code, err: err.message, ...options.context },
        'model call failed; heuristic',
      );
      return null;
    }
  }
}
