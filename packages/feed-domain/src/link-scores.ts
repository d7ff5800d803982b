import type { Queryable } from '@link-archive/events';

/** A save or review counts half after this long. */
export const HALF_LIFE_HOURS = 12;

/**
 * Each save or review of a link weighs 2^(hours since this instant / half-life); a link's score is the log2 of
 * their sum. Decay multiplies every weight alike as time passes, so ordering by the stored score is ordering by
 * the decayed score now: ranking needs no pass over recent activity, only the top of an index.
 */
const SCORE_EPOCH = "timestamptz '2024-01-01 00:00:00+00'";

/** log2 of one activity's weight at SQL timestamp `at`. */
export const ACTIVITY_LOG2 = (at: string) =>
  `(extract(epoch FROM ${at} - ${SCORE_EPOCH}) / ${HALF_LIFE_HOURS * 3600})::float8`;

/** Adds one save or review made at `at` to the link's score, in the caller's transaction. */
export async function addLinkActivity(tx: Queryable, linkId: string, at: Date): Promise<void> {
  // log2(2^a + 2^b) = max + log2(1 + 2^-(|a - b|)), which never overflows however far from the epoch
  await tx.query(
    `INSERT INTO feed.link_scores (link_id, weight_log2) VALUES ($1, ${ACTIVITY_LOG2('$2::timestamptz')})
     ON CONFLICT (link_id) DO UPDATE SET
       weight_log2 = GREATEST(link_scores.weight_log2, EXCLUDED.weight_log2)
         + ln(1 + power(2::float8, -abs(link_scores.weight_log2 - EXCLUDED.weight_log2))) / ln(2::float8)`,
    [linkId, at],
  );
}

/** A deleted link's score goes with it. */
export async function forgetLinkScore(tx: Queryable, linkId: string): Promise<void> {
  await tx.query('DELETE FROM feed.link_scores WHERE link_id = $1', [linkId]);
}
