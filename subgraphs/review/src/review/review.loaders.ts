import DataLoader from 'dataloader';
import { isUuid } from '@link-archive/core';
import { In, type DataSource } from 'typeorm';
import { Review } from './review.entity';
import { summarize, type RatingSummary } from './rating-summary';

export function createReviewLoaders(ds: DataSource) {
  return {
    review: new DataLoader<string, Review | null>(async (ids) => {
      const rows = await ds.getRepository(Review).findBy({ id: In(ids.filter(isUuid)) });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
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
