import { LiveHub, reviewPosted, routeByPayload, type PayloadOf } from '@link-archive/events';
import type { SubgraphDefinition } from '@link-archive/federation';
import { LinkAccess } from './access/link-access';
import type { ReviewContext } from './context';
import { REVIEW_SCHEMA, reviewDataSource } from './data-source';
import type { ReviewEnvironment } from './environment';
import { createReviewLoaders } from './review/review.loaders';
import { ReviewService } from './review/review.service';
import { buildReviewSchema } from './schema';
import { reviewEventHandlers } from './events/review-consumer';

export const reviewSubgraph: SubgraphDefinition<ReviewContext, ReviewEnvironment> = {
  name: 'review',
  dbSchema: REVIEW_SCHEMA,
  dataSource: reviewDataSource,
  buildSchema: buildReviewSchema,
  async setup({ ds }, env) {
    const reviews = new ReviewService(ds);
    const access = new LinkAccess(ds);
    const reviewEvents = new LiveHub(
      env.REDIS_URL,
      env.REDIS_PREFIX,
      [reviewPosted],
      routeByPayload(reviewPosted, (e: PayloadOf<typeof reviewPosted>) => e.linkId),
    );
    return {
      context: (base) => ({
        ...base,
        services: { reviews, access, reviewEvents },
        loaders: createReviewLoaders(ds),
      }),
      events: { consumer: 'review', handlers: reviewEventHandlers },
      subscriptions: true,
      close: async () => reviewEvents.close(),
    };
  },
};
