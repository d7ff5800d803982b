import { AiBudget } from '@link-archive/ai';
import { tagKey, type Logger, type Redis } from '@link-archive/core';
import { ownerTagNames, type PipelineLink, type StoredTag, type TagSource } from '@link-archive/link-domain';
import type { Pool } from 'pg';
import type { WorkersEnvironment } from '../environment';
import { aiTags, type AiTagInput } from './ai-tagger';
import { heuristicTags } from './heuristic-tagger';

function machineTags(raw: string[], source: TagSource): StoredTag[] {
  const names = [...new Set(raw.map(tagKey).filter((t) => t.length > 0 && t.length <= 50))];
  return names.slice(0, 5).map((name) => ({ name, source, confidence: null }));
}

/**
 * Chooses how a link is tagged: the model when a key is configured and the AI budget (cache, the owner's
 * quota, the global rate) allows; otherwise, and whenever the model fails, the local heuristic tagger, so the
 * product works offline. A used-up minute throws AiRateLimited: the job waits and runs again.
 */
export class LinkTagger {
  private readonly budget: AiBudget;

  constructor(
    redis: Redis,
    private readonly db: Pool,
    env: WorkersEnvironment,
    logger: Logger,
  ) {
    this.budget = new AiBudget(redis, env, logger);
  }

  async tag(link: PipelineLink): Promise<StoredTag[]> {
    const input: AiTagInput = {
      title: link.title,
      description: link.description,
      siteName: link.siteName,
      text: link.contentText,
      language: link.language,
    };
    const ai = await this.budget.run(
      'tags',
      { id: link.ownerId, plan: link.ownerPlan },
      input,
      async (chat) => aiTags(chat, { ...input, existingTags: await ownerTagNames(this.db, link.ownerId) }),
      { onRateLimit: 'throw', context: { linkId: link.id } },
    );
    return ai ? machineTags(ai, 'AI') : machineTags(heuristicTags(input), 'HEURISTIC');
  }
}
