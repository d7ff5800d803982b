import { LinkRef, UserRef, buildFederatedSchema } from '@link-archive/federation';
import { Review } from './review/review.entity';
import { LinkReviewsResolver } from './link/link-reviews.resolver';
import { ReviewResolver } from './review/review.resolver';
import { reviewReference } from './review/review.reference';
import { UserReviewsResolver } from './user/user-reviews.resolver';

export const buildReviewSchema = () =>
  buildFederatedSchema(
    // no root fields of its own yet: the entities are reachable only through _entities
    {
      resolvers: [ReviewResolver, LinkReviewsResolver, UserReviewsResolver],
      orphanedTypes: [Review, LinkRef, UserRef],
    },
    reviewReference,
  );
