import type { BaseContext } from '@link-archive/federation';
import type { createReviewLoaders } from './review/review.loaders';
import type { LiveHub, PayloadOf, reviewPosted } from '@link-archive/events';
import type { LinkAccess } from './access/link-access';
import type { ReviewService } from './review/review.service';
import type { ReplyService } from './replies/reply.service';
import type { InsightsService } from './insights/insights.service';

export interface ReviewContext extends BaseContext {
  services: {
    reviews: ReviewService;
    access: LinkAccess;
    replies: ReplyService;
    insights: InsightsService;
    reviewEvents: LiveHub<PayloadOf<typeof reviewPosted>>;
  };
  loaders: ReturnType<typeof createReviewLoaders>;
}
