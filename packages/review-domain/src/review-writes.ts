import { createHash } from 'node:crypto';
import {
  emitEvent,
  queryRows,
  reviewDeleted,
  reviewPosted,
  type Queryable,
  type Transactor,
} from '@link-archive/events';
import { REVIEW_SCHEMA } from './review-enums';

export interface LinkOwner {
  linkId: string;
  ownerId: string;
}

export interface ImportedReview {
  authorName: string | null;
  rating: number;
  body: string;
  publishedAt: string | null;
}

/**
 * One review per author and link: posting again edits it, and a new revision starts its analysis over (its
 * keywords leave the insights until then). The row and review.posted commit together.
 */
export async function postReview(
  transaction: Transactor,
  link: LinkOwner,
  authorId: string,
  rating: number,
  body: string,
): Promise<{ id: string; created: boolean }> {
  return transaction(async (tx) => {
    const [row] = await queryRows<{ id: string; created: boolean }>(
      tx,
      `INSERT INTO review.reviews (link_id, author_id, rating, body) VALUES ($1, $2, $3, $4)
       ON CONFLICT (link_id, author_id) WHERE author_id IS NOT NULL DO UPDATE
          SET rating = EXCLUDED.rating, body = EXCLUDED.body, sentiment = NULL, sentiment_score = NULL,
              keywords = '[]', language = NULL, analysed_at = NULL, analysed_by = NULL,
              revision = reviews.revision + 1, updated_at = now()
       RETURNING id, (xmax = 0) AS created`,
      [link.linkId, authorId, rating, body],
    );
    if (!row!.created) await tx.query('DELETE FROM review.review_keywords WHERE review_id = $1', [row!.id]);
    await emitEvent(tx, REVIEW_SCHEMA, reviewPosted, {
      reviewId: row!.id,
      linkId: link.linkId,
      linkOwnerId: link.ownerId,
      authorId,
      rating,
      source: 'USER',
      created: row!.created,
    });
    return row!;
  });
}

export function deleteReview(transaction: Transactor, review: { id: string; linkId: string }): Promise<void> {
  return transaction(async (tx) => {
    await tx.query('DELETE FROM review.reviews WHERE id = $1', [review.id]);
    await emitEvent(tx, REVIEW_SCHEMA, reviewDeleted, { reviewId: review.id, linkId: review.linkId });
  });
}

/** What makes an imported review the same one on the next crawl: its author, words and date, as the page gave them. */
export function importHash(review: ImportedReview): string {
  const norm = (s: string | null) => (s ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
  return createHash('sha256')
    .update(JSON.stringify([norm(review.authorName), norm(review.body), norm(review.publishedAt)]))
    .digest('hex');
}

/** A page's date for an imported review when it is a real one not in the future; else the import's time. */
function publishedDate(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value);
  const time = date.getTime();
  return Number.isFinite(time) && time <= Date.now() && time > Date.UTC(1995, 0, 1) ? date : null;
}

/**
 * Reviews a crawl found on the link's page, as CRAWLED: one already imported (same hash) is skipped, so a
 * recrawl adds only new ones. Runs in the caller's transaction (the link.crawled consumer's); each new review
 * emits review.posted. Answers how many were new.
 */
export async function importCrawledReviews(
  tx: Queryable,
  link: LinkOwner,
  reviews: ImportedReview[],
): Promise<number> {
  let added = 0;
  for (const review of reviews) {
    const [row] = await queryRows<{ id: string }>(
      tx,
      `INSERT INTO review.reviews (link_id, author_id, source, source_author_name, rating, body, source_hash, created_at)
       VALUES ($1, NULL, 'CRAWLED', $2, $3, $4, $5, COALESCE($6::timestamptz, now()))
       ON CONFLICT (link_id, source_hash) WHERE source_hash IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        link.linkId,
        review.authorName,
        review.rating,
        review.body,
        importHash(review),
        publishedDate(review.publishedAt)?.toISOString() ?? null,
      ],
    );
    if (!row) continue;
    added++;
    await emitEvent(tx, REVIEW_SCHEMA, reviewPosted, {
      reviewId: row.id,
      linkId: link.linkId,
      linkOwnerId: link.ownerId,
      authorId: null,
      rating: review.rating,
      source: 'CRAWLED',
      created: true,
    });
  }
  return added;
}

/** An erased account's reviews (their keywords and replies go with them). */
export async function eraseAuthorReviews(tx: Queryable, authorId: string): Promise<void> {
  await tx.query('DELETE FROM review.reviews WHERE author_id = $1', [authorId]);
}

/** Every review of a deleted link. */
export async function eraseLinkReviews(tx: Queryable, linkId: string): Promise<void> {
  await tx.query('DELETE FROM review.reviews WHERE link_id = $1', [linkId]);
}
