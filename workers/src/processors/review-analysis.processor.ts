import { AiRateLimited } from '@link-archive/ai';
import { reviewToAnalyse, saveAnalysis } from '@link-archive/review-domain';
import { reviewAnalysisQueue } from '@link-archive/queues';
import { Worker } from 'bullmq';
import type { ProcessorDefinition } from '../registry';
import { analyseLocally } from '../review-analysis/heuristic-analyser';
import { ReviewAnalyser } from '../review-analysis/review-analyser';
import { laneWorkers } from './lane-workers';

/**
 * Review analysis: sentiment, score and keywords for the revision the job names (a later edit has its own job).
 * People's reviews run on the interactive lane, imported ones on the bulk lane.
 */
export const reviewAnalysisProcessor: ProcessorDefinition = {
  name: 'review-analysis',
  start(deps) {
    const analyser = new ReviewAnalyser(deps.redis, deps.env, deps.logger);
    return laneWorkers(
      deps,
      reviewAnalysisQueue,
      deps.env.REVIEW_ANALYSIS_CONCURRENCY,
      async ({ job, worker }) => {
        const review = await reviewToAnalyse(deps.db, job.data.reviewId);
        if (!review || review.revision !== job.data.revision) return 'superseded';
        if (review.analysed) return 'finished';
        try {
          const analysis = await analyser.analyse(review);
          return (await saveAnalysis(deps.transaction, review, analysis)) ? 'analysed' : 'superseded';
        } catch (err) {
          if (!(err instanceof AiRateLimited)) throw err;
          await worker.rateLimit(err.ms);
          throw Worker.RateLimitError();
        }
      },
      // BullMQ gave up on the job: the review still gets the local analysis rather than none
      async ({ reviewId, revision }) => {
        const review = await reviewToAnalyse(deps.db, reviewId);
        if (review && review.revision === revision && !review.analysed)
          await saveAnalysis(deps.transaction, review, analyseLocally(review.body, review.rating));
      },
    );
  },
};
