import { emitEvent, queryRows, replyPublished, type Queryable, type Transactor } from '@link-archive/events';
import { REVIEW_SCHEMA, type ReplyStatusLabel } from './review-enums';

export interface ReplyRow {
  id: string;
  reviewId: string;
  body: string;
  status: ReplyStatusLabel;
  generatedByAi: boolean;
  updatedAt: Date;
}

const REPLY_COLUMNS = `id, review_id AS "reviewId", body, status, generated_by_ai AS "generatedByAi",
  updated_at AS "updatedAt"`;

/** The statuses a reply may move to from each: forward one step, or an approved one back to its draft. */
export const REPLY_MOVES: Record<ReplyStatusLabel, ReplyStatusLabel[]> = {
  DRAFT: ['DRAFT', 'APPROVED'],
  APPROVED: ['APPROVED', 'PUBLISHED', 'DRAFT'],
  PUBLISHED: ['PUBLISHED'],
};

export class ReplyNotMovable extends Error {
  constructor(
    readonly from: ReplyStatusLabel,
    readonly to: ReplyStatusLabel,
  ) {
    super(`a ${from} reply cannot become ${to}`);
  }
}

/**
 * A new draft for a review's reply (one reply per review): a DRAFT or APPROVED reply is replaced and back to
 * DRAFT; a PUBLISHED one is kept (null): the owner edits it with updateReply instead.
 */
export async function saveDraft(
  db: Queryable,
  reviewId: string,
  body: string,
  generatedByAi: boolean,
): Promise<ReplyRow | null> {
  const [row] = await queryRows<ReplyRow>(
    db,
    `INSERT INTO review.replies (review_id, body, generated_by_ai) VALUES ($1, $2, $3)
     ON CONFLICT (review_id) DO UPDATE
        SET body = EXCLUDED.body, generated_by_ai = EXCLUDED.generated_by_ai, status = 'DRAFT', updated_at = now()
      WHERE replies.status <> 'PUBLISHED'
     RETURNING ${REPLY_COLUMNS}`,
    [reviewId, body, generatedByAi],
  );
  return row ?? null;
}

export async function replyById(db: Queryable, id: string): Promise<ReplyRow | null> {
  const [row] = await queryRows<ReplyRow>(db, `SELECT ${REPLY_COLUMNS} FROM review.replies WHERE id = $1`, [
    id,
  ]);
  return row ?? null;
}

/**
 * Edits a reply's body and/or moves its status (REPLY_MOVES); an edited body is the owner's own words from then
 * on. Publishing emits review.reply_published for the review's author in the same transaction. The row is
 * locked, so two concurrent moves cannot both publish.
 */
export function updateReply(
  transaction: Transactor,
  id: string,
  change: { body?: string; status?: ReplyStatusLabel },
): Promise<ReplyRow | null> {
  return transaction(async (tx) => {
    const [current] = await queryRows<
      ReplyRow & { linkId: string; linkOwnerId: string | null; reviewAuthorId: string | null }
    >(
      tx,
      `SELECT p.id, p.review_id AS "reviewId", p.status, r.link_id AS "linkId", r.author_id AS "reviewAuthorId",
              a.owner_id AS "linkOwnerId"
         FROM review.replies p JOIN review.reviews r ON r.id = p.review_id
         LEFT JOIN review.link_access a ON a.link_id = r.link_id
        WHERE p.id = $1 FOR UPDATE OF p`,
      [id],
    );
    if (!current) return null;
    const to = change.status ?? current.status;
    if (!REPLY_MOVES[current.status].includes(to)) throw new ReplyNotMovable(current.status, to);
    const [row] = await queryRows<ReplyRow>(
      tx,
      `UPDATE review.replies
          SET body = COALESCE($2, body), status = $3, updated_at = now(),
              generated_by_ai = CASE WHEN $2::text IS NULL THEN generated_by_ai ELSE false END,
              published_at = CASE WHEN $3 = 'PUBLISHED' THEN COALESCE(published_at, now()) ELSE published_at END
        WHERE id = $1 RETURNING ${REPLY_COLUMNS}`,
      [id, change.body ?? null, to],
    );
    if (to === 'PUBLISHED' && current.status !== 'PUBLISHED' && current.linkOwnerId) {
      await emitEvent(tx, REVIEW_SCHEMA, replyPublished, {
        replyId: id,
        reviewId: current.reviewId,
        linkId: current.linkId,
        linkOwnerId: current.linkOwnerId,
        reviewAuthorId: current.reviewAuthorId,
      });
    }
    return row!;
  });
}
