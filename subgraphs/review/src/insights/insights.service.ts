import { isUuid } from '@link-archive/core';
import { queryRows } from '@link-archive/events';
import type { DataSource } from 'typeorm';
import type { ReviewInsights } from './review-insights.type';

export const TOP_KEYWORDS = 10;
export const WEEKS = 12;
const SENTIMENT_ORDER = ['POSITIVE', 'NEUTRAL', 'NEGATIVE'];

/**
 * A link's insights as three aggregates, each over its own index (reviews_link_sentiment_idx,
 * review_keywords' primary key, reviews_link_week_idx with the rating included), run side by side.
 */
export class InsightsService {
  constructor(private readonly ds: DataSource) {}

  async forLink(linkId: string): Promise<ReviewInsights> {
    if (!isUuid(linkId))
      return { sentiment: [0, 0, 0], topKeywords: [], weeklyAverage: new Array(WEEKS).fill(0) };
    const [sentiments, keywords, weeks] = await Promise.all([
      queryRows<{ sentiment: string; n: number }>(
        this.ds,
        `SELECT sentiment, count(*)::int AS n FROM review.reviews
          WHERE link_id = $1 AND sentiment IS NOT NULL GROUP BY sentiment`,
        [linkId],
      ),
      queryRows<{ keyword: string; count: number }>(
        this.ds,
        `SELECT keyword, count(*)::int AS count FROM review.review_keywords
          WHERE link_id = $1 GROUP BY keyword ORDER BY count DESC, keyword LIMIT ${TOP_KEYWORDS}`,
        [linkId],
      ),
      queryRows<{ ago: number; average: number }>(
        this.ds,
        // weeks ago: 0 is the current ISO week (UTC)
        `SELECT ((date_trunc('week', now() AT TIME ZONE 'UTC')::date
                  - date_trunc('week', created_at AT TIME ZONE 'UTC')::date) / 7)::int AS ago,
                avg(rating)::float8 AS average
           FROM review.reviews
          WHERE link_id = $1
            AND created_at >= (date_trunc('week', now() AT TIME ZONE 'UTC') - interval '${WEEKS - 1} weeks') AT TIME ZONE 'UTC'
          GROUP BY 1`,
        [linkId],
      ),
    ]);
    const bySentiment = new Map(sentiments.map((s) => [s.sentiment, s.n]));
    const weekly = new Array<number>(WEEKS).fill(0);
    for (const w of weeks) {
      if (w.ago >= 0 && w.ago < WEEKS) weekly[WEEKS - 1 - w.ago] = Math.round(w.average * 100) / 100;
    }
    return {
      sentiment: SENTIMENT_ORDER.map((s) => bySentiment.get(s) ?? 0),
      topKeywords: keywords,
      weeklyAverage: weekly,
    };
  }
}
