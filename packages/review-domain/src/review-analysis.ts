import { emitEvent, queryRows, reviewNegative, type Queryable, type Transactor } from '@link-archive/events';
import { MAX_KEYWORDS, REVIEW_SCHEMA, type SentimentLabel } from './review-enums';

/** A review as its analysis needs it: the text, the revision the analysis belongs to, and whose link it is. */
export interface ReviewToAnalyse {
  id: string;
  linkId: string;
  authorId: string | null;
  source: 'USER' | 'CRAWLED';
  rating: number;
  body: string;
  revision: number;
  analysed: boolean;
  /** The link's owner and plan (whose AI quota the analysis uses); null before the link's first event arrives. */
  linkOwnerId: string | null;
  linkOwnerPlan: string;
  /** The link's title, as its crawl found it (null before). */
  linkTitle: string | null;
}

export interface ReviewAnalysis {
  sentiment: SentimentLabel;
  /** -1..1 */
  score: number;
  keywords: string[];
  language: string | null;
  analysedBy: 'AI' | 'HEURISTIC';
}

export async function reviewToAnalyse(db: Queryable, id: string): Promise<ReviewToAnalyse | null> {
  const [row] = await queryRows<ReviewToAnalyse>(
    db,
    `SELECT r.id, r.link_id AS "linkId", r.author_id AS "authorId", r.source, r.rating, r.body, r.revision,
            r.analysed_at IS NOT NULL AS analysed, a.owner_id AS "linkOwnerId",
            COALESCE(a.owner_plan, 'FREE') AS "linkOwnerPlan", a.title AS "linkTitle"
       FROM review.reviews r LEFT JOIN review.link_access a ON a.link_id = r.link_id AND NOT a.deleted
      WHERE r.id = $1`,
    [id],
  );
  return row ?? null;
}

const clean = (keywords: string[]) =>
  [
    ...new Set(
      keywords.map((k) => k.normalize('NFKC').trim().toLowerCase()).filter((k) => k && k.length <= 50),
    ),
  ].slice(0, MAX_KEYWORDS);

/**
 * Stores an analysis for the revision it was made of (an edit since makes it stale: nothing is written) with
 * its keyword rows; a NEGATIVE review on someone else's link emits review.negative for the link's owner.
 */
export function saveAnalysis(
  transaction: Transactor,
  review: ReviewToAnalyse,
  analysis: ReviewAnalysis,
): Promise<boolean> {
  const keywords = clean(analysis.keywords);
  const score = Math.max(-1, Math.min(1, Math.round(analysis.score * 1000) / 1000));
  return transaction(async (tx) => {
    const [row] = await queryRows<{ id: string }>(
      tx,
      `UPDATE review.reviews
          SET sentiment = $3, sentiment_score = $4, keywords = $5::jsonb, language = $6, analysed_by = $7,
              analysed_at = now()
        WHERE id = $1 AND revision = $2 AND analysed_at IS NULL
        RETURNING id`,
      [
        review.id,
        review.revision,
        analysis.sentiment,
        score,
        JSON.stringify(keywords),
        analysis.language,
        analysis.analysedBy,
      ],
    );
    if (!row) return false;
    if (keywords.length)
      await tx.query(
        `INSERT INTO review.review_keywords (link_id, keyword, review_id)
         SELECT $1, k, $2 FROM unnest($3::text[]) AS k ON CONFLICT DO NOTHING`,
        [review.linkId, review.id, keywords],
      );
    if (analysis.sentiment === 'NEGATIVE' && review.linkOwnerId && review.linkOwnerId !== review.authorId) {
      await emitEvent(tx, REVIEW_SCHEMA, reviewNegative, {
        reviewId: review.id,
        linkId: review.linkId,
        linkOwnerId: review.linkOwnerId,
        authorId: review.authorId,
        sentimentScore: score,
      });
    }
    return true;
  });
}

/** Reviews still waiting for their analysis after `olderThanMs` (their job lost with Redis), oldest first. */
export function reviewsAwaitingAnalysis(
  db: Queryable,
  olderThanMs: number,
  limit: number,
): Promise<{ id: string; revision: number; source: 'USER' | 'CRAWLED' }[]> {
  return queryRows(
    db,
    `SELECT id, revision, source FROM review.reviews
      WHERE analysed_at IS NULL AND updated_at < now() - $1 * interval '1 millisecond'
      ORDER BY updated_at LIMIT $2`,
    [olderThanMs, limit],
  );
}
