import { createHash } from 'node:crypto';
import { tagKey, type Logger, type Redis } from '@link-archive/core';
import type { WorkersEnvironment } from '../environment';
import { ownerTagNames, type PipelineLink, type StoredTag, type TagSource } from '@link-archive/link-domain';
import type { Pool } from 'pg';
import { AiQuota, AiRateLimit } from './ai-limits';
import { AiTagError, AiTagger, type AiTagInput } from './ai-tagger';
import { heuristicTags } from './heuristic-tagger';

/** Every model call is taken; the job waits this long and runs again without losing an attempt. */
export class AiRateLimited extends Error {
  constructor(readonly ms: number) {
    super(`model calls used up for ${ms} ms`);
    this.name = 'AiRateLimited';
  }
}

const CACHE_SECONDS = 30 * 86_400;

function machineTags(raw: string[], source: TagSource): StoredTag[] {
  const names = [...new Set(raw.map(tagKey).filter((t) => t.length > 0 && t.length <= 50))];
  return names.slice(0, 5).map((name) => ({ name, source, confidence: null }));
}

/**
 * Chooses how a link is tagged: the model when a key is configured, the owner's plan has quota left and the
 * global rate allows; the same content is never sent twice (answers cached by content hash); otherwise, and
 * whenever the model fails, the local heuristic tagger, so the product works offline.
 */
export class LinkTagger {
  private readonly ai: AiTagger | null;
  private readonly quota: AiQuota;
  private readonly rate: AiRateLimit;

  constructor(
    private readonly redis: Redis,
    private readonly db: Pool,
    private readonly env: WorkersEnvironment,
    private readonly logger: Logger,
  ) {
    this.ai = env.OPENAI_API_KEY
      ? new AiTagger({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL })
      : null;
    this.quota = new AiQuota(redis, {
      FREE: env.AI_DAILY_QUOTA_FREE,
      BASIC: env.AI_DAILY_QUOTA_BASIC,
      PREMIUM: env.AI_DAILY_QUOTA_PREMIUM,
      ENTERPRISE: env.AI_DAILY_QUOTA_ENTERPRISE,
    });
    this.rate = new AiRateLimit(redis, env.AI_CALLS_PER_MINUTE);
  }

  async tag(link: PipelineLink): Promise<StoredTag[]> {
    const input: AiTagInput = {
      title: link.title,
      description: link.description,
      siteName: link.siteName,
      text: link.contentText,
      language: link.language,
    };
    if (this.ai) {
      const ai = await this.aiTags(link, input);
      if (ai) return ai;
    }
    return machineTags(heuristicTags(input), 'HEURISTIC');
  }

  private async aiTags(link: PipelineLink, input: AiTagInput): Promise<StoredTag[] | null> {
    const hash = createHash('sha256')
      .update(JSON.stringify([this.env.OPENAI_MODEL, input]))
      .digest('hex');
    const cacheKey = `ai-tags:${hash}`;
    const cached = await this.redis.get(cacheKey);
    if (cached) return machineTags(JSON.parse(cached) as string[], 'AI');
    // the owner's quota first: an owner past it must not use up everyone's calls per minute
    const giveBack = await this.quota.take(link.ownerId, link.ownerPlan);
    if (!giveBack) return null;
    const wait = await this.rate.take();
    if (wait > 0) {
      await giveBack(); // the job runs again after the wait and takes it then
      throw new AiRateLimited(wait);
    }
    try {
      const tags = await this.ai!.tags({
        ...input,
        existingTags: await ownerTagNames(this.db, link.ownerId),
      });
      await this.redis.set(cacheKey, JSON.stringify(tags), 'EX', CACHE_SECONDS);
      return machineTags(tags, 'AI');
    } catch (err) {
      if (!(err instanceof AiTagError)) throw err;
      this.logger.warn(
        { linkId: link.id, code: err.code, err: err.message },
        'AI tagging failed; heuristic tags',
      );
      return null;
    }
  }
}
