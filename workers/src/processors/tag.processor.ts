import { LinkTransitions, pipelineLink } from '@link-archive/link-domain';
import { tagQueue } from '@link-archive/queues';
import { Worker } from 'bullmq';
import type { ProcessorDefinition } from '../registry';
import { AiRateLimited } from '@link-archive/ai';
import { LinkTagger } from '../tagging/link-tagger';
import { settleFailure } from './failure';
import { giveUpLink } from './give-up';
import { laneWorkers } from './lane-workers';

/** Tag: TAGGING → READY with machine tags (AI or HEURISTIC) beside the owner's own. */
export const tagProcessor: ProcessorDefinition = {
  name: 'tag',
  start(deps) {
    const links = new LinkTransitions(deps.transaction);
    const tagger = new LinkTagger(deps.redis, deps.db, deps.env, deps.logger);
    return laneWorkers(
      deps,
      tagQueue,
      deps.env.TAG_CONCURRENCY,
      async ({ job, worker }) => {
        const { linkId, generation } = job.data;
        const link = await pipelineLink(deps.db, linkId);
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
          return settleFailure(
            { job, logger: deps.logger, context: { linkId } },
            err,
            (code) => links.fail(link, code),
            'TAGGING_FAILED',
          );
        }
      },
      giveUpLink(deps, links, ['TAGGING']),
    );
  },
};
