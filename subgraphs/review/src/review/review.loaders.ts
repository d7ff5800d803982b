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
    /** Rating summaries for a page of links in one grouped statement. */
    rating: new DataLoader<string, RatingSummary>(async (linkIds) => {
      const rows: { link_id: string; rating: number; n: number }[] = await ds.query(
        `SELECT link_id, rating, count(*)::int AS n FROM reviews
          WHERE link_id = ANY($1::uuid[]) GROUP BY link_id, rating`,
        [linkIds.filter(isUuid)],
      );
      const perLink = new Map<string, Map<number, number>>();
      for (const r of rows) {
        const counts = perLink.get(r.link_id) ?? new Map<number, number>();
        counts.set(r.rating, r.n);
        perLink.set(r.link_id, counts);
      }
      return linkIds.map((id) => summarize(perLink.get(id) ?? new Map()));
    }),
  };
}
