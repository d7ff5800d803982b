import { AiBudget } from '@link-archive/ai';
import type { Logger, Redis } from '@link-archive/core';
import type { ReviewAnalysis, ReviewToAnalyse } from '@link-archive/review-domain';
import type { WorkersEnvironment } from '../environment';
import { aiAnalysis } from './ai-analyser';
import { analyseLocally } from './heuristic-analyser';

/**
 * Chooses how a review is analysed, as tags are: the model within the AI budget (the link owner's plan pays for
 * it), the local analyser otherwise and whenever the model fails. A used-up minute throws AiRateLimited.
 */
export class ReviewAnalyser {
  private readonly budget: AiBudget;

  constructor(redis: Redis, env: WorkersEnvironment, logger: Logger) {
    this.budget = new AiBudget(redis, env, logger);
  }

  async analyse(review: ReviewToAnalyse): Promise<ReviewAnalysis> {
    const input = { body: review.body, rating: review.rating, subject: review.linkTitle };
    const ai = review.linkOwnerId
      ? await this.budget.run(
          'review',
          { id: review.linkOwnerId, plan: review.linkOwnerPlan },
          input,
          (chat) => aiAnalysis(chat, input),
          { onRateLimit: 'throw', context: { reviewId: review.id } },
        )
      : null;
    return ai ?? analyseLocally(review.body, review.rating);
  }
}
