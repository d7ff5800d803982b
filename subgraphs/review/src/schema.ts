import { LinkRef, UserRef, buildFederatedSchema } from '@link-archive/federation';
import { Review } from './review/review.entity';
import { LinkReviewsResolver } from './link/link-reviews.resolver';
import { ReviewResolver } from './review/review.resolver';
import { ReviewAddedResolver } from './review/review-added.resolver';
import { ReviewMutationsResolver } from './review/review-mutations.resolver';
import { reviewReference } from './review/review.reference';
import { UserReviewsResolver } from './user/user-reviews.resolver';
import { ReplyResolver } from './replies/reply.resolver';

export const buildReviewSchema = () =>
  buildFederatedSchema(
    {
      resolvers: [
        ReviewResolver,
        ReviewMutationsResolver,
        ReviewAddedResolver,
        LinkReviewsResolver,
        UserReviewsResolver,
        ReplyResolver,
      ],
      orphanedTypes: [Review, LinkRef, UserRef],
    },
    reviewReference,
  );
