import { badInput, forbidden, isUuid, notFound, optionalText, type Viewer } from '@link-archive/core';
import { queryRows, type Transactor } from '@link-archive/events';
import {
  MAX_REPLY_BODY,
  ReplyNotMovable,
  replyById,
  saveDraft,
  updateReply,
  type ReplyRow,
  type ReplyStatusLabel,
} from '@link-archive/review-domain';
import type { DataSource } from 'typeorm';
import { moderate } from '../moderation/moderate-text';
import type { ReviewService } from '../review/review.service';
import type { ReplyDrafter } from './reply-drafter';

interface ReviewForReply {
  id: string;
  body: string;
  rating: number;
  sentiment: 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE' | null;
  language: string | null;
  ownerId: string | null;
  ownerPlan: string;
  title: string | null;
  siteName: string | null;
  description: string | null;
}

/** The link owner's replies to reviews of their link: drafted (model or template), edited, approved, published. */
export class ReplyService {
  private readonly transaction: Transactor;

  constructor(
    private readonly ds: DataSource,
    private readonly reviews: ReviewService,
    private readonly drafter: ReplyDrafter,
  ) {
    this.transaction = (work) => ds.transaction((manager) => work(manager));
  }

  async draft(viewer: Viewer, reviewId: string): Promise<ReplyRow> {
    const review = await this.ownedReview(viewer, reviewId, 'reviewId');
    const draft = await this.drafter.draft({
      body: review.body,
      rating: review.rating,
      sentiment: review.sentiment,
      language: review.language,
      link: {
        ownerId: review.ownerId!,
        ownerPlan: review.ownerPlan,
        title: review.title,
        siteName: review.siteName,
        description: review.description,
      },
    });
    const saved = await saveDraft(this.ds, review.id, draft.body, draft.generatedByAi);
    if (!saved)
      throw badInput('reviewId', 'this review already has a PUBLISHED reply: edit it with updateReply');
    return saved;
  }

  async update(
    viewer: Viewer,
    replyId: string,
    rawBody: string | null | undefined,
    status: ReplyStatusLabel | null | undefined,
  ): Promise<ReplyRow> {
    const reply = isUuid(replyId) ? await replyById(this.ds, replyId) : null;
    if (!reply) throw notFound('Reply');
    await this.ownedReview(viewer, reply.reviewId, 'replyId', reply);
    const body = optionalText('body', rawBody ?? undefined, MAX_REPLY_BODY);
    if (body === null) throw badInput('body', `body must be 1 to ${MAX_REPLY_BODY} characters`);
    if (body) moderate('body', body);
    try {
      // the move is checked by the review domain, on the row it has locked
      const updated = await updateReply(this.transaction, reply.id, { body, status: status ?? undefined });
      if (!updated) throw notFound('Reply');
      return updated;
    } catch (err) {
      if (err instanceof ReplyNotMovable)
        throw badInput('status', `${err.message} (DRAFT → APPROVED → PUBLISHED)`);
      throw err;
    }
  }

  /**
   * The review if the viewer owns its link. Anyone else gets NOT_FOUND when they may not see the review (or,
   * for a reply, when it is not published), else FORBIDDEN.
   */
  private async ownedReview(
    viewer: Viewer,
    reviewId: string,
    field: string,
    reply?: ReplyRow,
  ): Promise<ReviewForReply> {
    const entity = await this.reviews.byId(reviewId);
    if (!entity || !(await this.reviews.readable(viewer, entity)))
      throw notFound(field === 'replyId' ? 'Reply' : 'Review');
    const [review] = await queryRows<ReviewForReply>(
      this.ds,
      `SELECT r.id, r.body, r.rating, r.sentiment, r.language, a.owner_id AS "ownerId",
              COALESCE(a.owner_plan, 'FREE') AS "ownerPlan", a.title, a.site_name AS "siteName", a.description
         FROM review.reviews r LEFT JOIN review.link_access a ON a.link_id = r.link_id AND NOT a.deleted
        WHERE r.id = $1`,
      [reviewId],
    );
    if (!review) throw notFound('Review');
    if (review.ownerId !== viewer.userId) {
      if (reply && reply.status !== 'PUBLISHED') throw notFound('Reply');
      throw forbidden("Only the link's owner can reply to its reviews");
    }
    return review;
  }
}
