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
import { Enqueuer, retryPolicy } from '@link-archive/queues';
import { InsightsService } from './insights/insights.service';
import { ReplyDrafter } from './replies/reply-drafter';
import { ReplyService } from './replies/reply.service';

export const reviewSubgraph: SubgraphDefinition<ReviewContext, ReviewEnvironment> = {
  name: 'review',
  dbSchema: REVIEW_SCHEMA,
  dataSource: reviewDataSource,
  buildSchema: buildReviewSchema,
  async setup({ ds, redis, logger }, env) {
    const reviews = new ReviewService(ds);
    const replies = new ReplyService(ds, reviews, new ReplyDrafter(redis, env, logger));
    const insights = new InsightsService(ds);
    const enqueuer = new Enqueuer({ url: env.REDIS_URL }, env.REDIS_PREFIX, retryPolicy(env));
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
        services: { reviews, access, reviewEvents, replies, insights },
        loaders: createReviewLoaders(ds),
      }),
      events: { consumer: 'review', handlers: reviewEventHandlers(enqueuer) },
      subscriptions: true,
      close: async () => {
        reviewEvents.close();
        await enqueuer.close();
      },
    };
  },
};
