import type { BaseContext } from '@link-archive/federation';
import type { createReviewLoaders } from './review/review.loaders';
import type { ReviewService } from './review/review.service';

export interface ReviewContext extends BaseContext {
  services: { reviews: ReviewService };
  loaders: ReturnType<typeof createReviewLoaders>;
}
