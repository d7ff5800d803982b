import DataLoader from 'dataloader';
import { isUuid } from '@link-archive/core';
import { In, type DataSource } from 'typeorm';
import { Review } from './review.entity';
import { summarize, type RatingSummary } from './rating-summary';
import { queryRows } from '@link-archive/events';
import type { ReplyRow } from '@link-archive/review-domain';

export function createReviewLoaders(ds: DataSource) {
  return {
    review: new DataLoader<string, Review | null>(async (ids) => {
      const rows = await ds.getRepository(Review).findBy({ id: In(ids.filter(isUuid)) });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** Each review's reply with its link's owner (who alone sees an unpublished one), in one statement. */
    reply: new DataLoader<string, { reply: ReplyRow; linkOwnerId: string | null } | null>(
      async (reviewIds) => {
        const rows = await queryRows<ReplyRow & { linkOwnerId: string | null }>(
          ds,
          `SELECT p.id, p.review_id AS "reviewId", p.body, p.status, p.generated_by_ai AS "generatedByAi",
                p.updated_at AS "updatedAt", a.owner_id AS "linkOwnerId"
           FROM review.replies p JOIN review.reviews r ON r.id = p.review_id
           LEFT JOIN review.link_access a ON a.link_id = r.link_id
          WHERE p.review_id = ANY($1::uuid[])`,
          [reviewIds.filter(isUuid)],
        );
        const byReview = new Map(
          rows.map(({ linkOwnerId, ...reply }) => [reply.reviewId, { reply, linkOwnerId }]),
        );
        return reviewIds.map((id) => byReview.get(id) ?? null);
      },
    ),
    /** Rating summaries for a page of links, from the counts the database keeps per link, in one statement. */
    rating: new DataLoader<string, RatingSummary>(async (linkIds) => {
      const rows = await queryRows<{ linkId: string; stars: number[] }>(
        ds,
        `SELECT link_id AS "linkId", ARRAY[stars_1, stars_2, stars_3, stars_4, stars_5] AS stars
           FROM review.link_review_stats WHERE link_id = ANY($1::uuid[])`,
        [linkIds.filter(isUuid)],
      );
      const byLink = new Map(rows.map((r) => [r.linkId, r.stars]));
      return linkIds.map((id) => summarize(new Map((byLink.get(id) ?? []).map((n, i) => [i + 1, n]))));
    }),
  };
}
