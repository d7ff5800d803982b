import { tagQueue } from '@link-archive/queues';
import { Worker } from 'bullmq';
import { LinkStore } from '../links/link-store';
import type { ProcessorDefinition } from '../registry';
import { AiRateLimited, LinkTagger } from '../tagging/link-tagger';
import { failureOf, recordedFailure } from './failure';
import { lastAttempt, laneWorkers } from './lane-workers';

/** Tag: TAGGING → READY with machine tags (AI or HEURISTIC) beside the owner's own. */
export const tagProcessor: ProcessorDefinition = {
  name: 'tag',
  start(deps) {
    const links = new LinkStore(deps.db, deps.redis, deps.env.REDIS_PREFIX);
    const tagger = new LinkTagger(deps.redis, links, deps.env, deps.logger);
    return laneWorkers(deps, tagQueue, deps.env.TAG_CONCURRENCY, async ({ job, worker }) => {
      const { linkId, generation } = job.data;
      const link = await links.get(linkId);
      if (!link || link.deleted || link.generation !== generation) return 'superseded';
      if (link.status !== 'TAGGING') return 'finished';
      try {
        await links.saveTags(link, await tagger.tag(link));
        return 'tagged';
      } catch (err) {
        if (err instanceof AiRateLimited) {
          // pauses this worker's queue for everyone until calls are available; the job keeps its attempts
          await worker.rateLimit(err.ms);
          throw Worker.RateLimitError();
        }
        const failure = failureOf(err);
        if (!failure.permanent && !lastAttempt(job)) throw err;
        deps.logger.error({ err, linkId }, 'tagging failed');
        await links.fail(link, failure.code === 'INTERNAL_ERROR' ? 'TAGGING_FAILED' : failure.code);
        throw recordedFailure(failure.code, err);
      }
    });
  },
};
