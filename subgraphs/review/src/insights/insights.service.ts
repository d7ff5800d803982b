import { isUuid } from '@link-archive/core';
import { queryRows } from '@link-archive/events';
import type { DataSource } from 'typeorm';
import type { ReviewInsights } from './review-insights.type';

export const TOP_KEYWORDS = 10;
export const WEEKS = 12;

/**
 * A link's insights from the counts the database keeps per link (migration ReviewInsightCounts): sentiment
 * counts, keyword counts (top 10 off an index) and per-week rating sums, read in one statement.
 */
export class InsightsService {
  constructor(private readonly ds: DataSource) {}

  async forLink(linkId: string): Promise<ReviewInsights> {
    const empty = { sentiment: [0, 0, 0], topKeywords: [], weeklyAverage: new Array<number>(WEEKS).fill(0) };
    if (!isUuid(linkId)) return empty;
    const [row] = await queryRows<{
      sentiment: number[] | null;
      keywords: { keyword: string; count: number }[];
      weeks: { ago: number; average: number }[];
    }>(
      this.ds,
      `SELECT (SELECT ARRAY[positive, neutral, negative] FROM review.link_review_stats WHERE link_id = $1) AS sentiment,
              COALESCE((SELECT json_agg(json_build_object('keyword', keyword, 'count', reviews))
                          FROM (SELECT keyword, reviews FROM review.link_keyword_counts
                                 WHERE link_id = $1 AND reviews > 0
                                 ORDER BY reviews DESC, keyword LIMIT ${TOP_KEYWORDS}) top), '[]') AS keywords,
              COALESCE((SELECT json_agg(json_build_object(
                                 'ago', (date_trunc('week', now() AT TIME ZONE 'UTC')::date - week) / 7,
                                 'average', rating_sum::float8 / reviews))
                          FROM review.link_weekly_ratings
                         WHERE link_id = $1 AND reviews > 0
                           AND week > date_trunc('week', now() AT TIME ZONE 'UTC')::date - ${WEEKS * 7}), '[]') AS weeks`,
      [linkId],
    );
    if (!row) return empty;
    const weekly = new Array<number>(WEEKS).fill(0);
    for (const w of row.weeks) {
      if (w.ago >= 0 && w.ago < WEEKS) weekly[WEEKS - 1 - w.ago] = Math.round(w.average * 100) / 100;
    }
    return { sentiment: row.sentiment ?? [0, 0, 0], topKeywords: row.keywords, weeklyAverage: weekly };
  }
}
