import {
  badInput,
  decodeCursor,
  forbidden,
  isUuid,
  notFound,
  optionalText,
  pageSize,
  toPage,
  type Page,
  type Viewer,
} from '@link-archive/core';
import { emitEvent, queryRows, reviewDeleted, reviewPosted } from '@link-archive/events';
import type { DataSource, Repository } from 'typeorm';
import { LinkAccess } from '../access/link-access';
import { REVIEW_SCHEMA } from '../data-source';
import { moderate } from '../moderation/moderate-text';
import { Review } from './review.entity';

export const MAX_REVIEW_BODY = 5_000;

export class ReviewService {
  private readonly reviews: Repository<Review>;
  private readonly access: LinkAccess;

  constructor(private readonly ds: DataSource) {
    this.reviews = ds.getRepository(Review);
    this.access = new LinkAccess(ds);
  }

  /**
   * One review per author and link: posting again edits it (its analysis starts over). The link must be one the
   * author may see. The row and review.posted commit together.
   */
  async post(viewer: Viewer, linkId: string, rating: number, rawBody: string): Promise<Review> {
    if (!Number.isInteger(rating) || rating < 1 || rating > 5)
      throw badInput('rating', 'rating must be 1 to 5');
    const body = optionalText('body', rawBody, MAX_REVIEW_BODY);
    if (!body) throw badInput('body', `body must be 1 to ${MAX_REVIEW_BODY} characters`);
    moderate('body', body);
    if (!isUuid(linkId)) throw notFound('Link');
    const link = await this.access.visible(viewer, linkId);
    if (link === 'unknown') throw notFound('Link');
    if (link === 'hidden') throw forbidden('You cannot review a link you may not see');
    const id = await this.ds.transaction(async (tx) => {
      const [row] = await queryRows<{ id: string; created: boolean }>(
        tx,
        `INSERT INTO review.reviews (link_id, author_id, rating, body) VALUES ($1, $2, $3, $4)
         ON CONFLICT (link_id, author_id) WHERE author_id IS NOT NULL DO UPDATE
            SET rating = EXCLUDED.rating, body = EXCLUDED.body, sentiment = NULL, sentiment_score = NULL,
                keywords = '[]', updated_at = now()
         RETURNING id, (xmax = 0) AS created`,
        [linkId, viewer.userId, rating, body],
      );
      await emitEvent(tx, REVIEW_SCHEMA, reviewPosted, {
        reviewId: row!.id,
        linkId,
        linkOwnerId: link.ownerId,
        authorId: viewer.userId,
        rating,
        source: 'USER',
        created: row!.created,
      });
      return row!.id;
    });
    return (await this.reviews.findOneBy({ id }))!;
  }

  /** The author or an ADMIN deletes a review. */
  async delete(viewer: Viewer, id: string): Promise<boolean> {
    const review = isUuid(id) ? await this.reviews.findOneBy({ id }) : null;
    if (!review || !(await this.readable(viewer, review))) throw notFound('Review');
    if (review.authorId !== viewer.userId && viewer.role !== 'ADMIN') {
      throw forbidden('Only the author or an ADMIN can delete a review');
    }
    await this.ds.transaction(async (tx) => {
      await tx.query('DELETE FROM review.reviews WHERE id = $1', [review.id]);
      await emitEvent(tx, REVIEW_SCHEMA, reviewDeleted, { reviewId: review.id, linkId: review.linkId });
    });
    return true;
  }

  byId(id: string): Promise<Review | null> {
    return isUuid(id) ? this.reviews.findOneBy({ id }) : Promise.resolve(null);
  }

  /** Whether the viewer may see a review: they may see its link (or wrote it). */
  async readable(viewer: Viewer | null, review: Review): Promise<boolean> {
    if (viewer && review.authorId === viewer.userId) return true;
    const [row] = await queryRows<{ ok: boolean }>(
      this.ds,
      `SELECT ${LinkAccess.sql('$2', '$3')} AS ok FROM review.link_access a WHERE a.link_id = $1`,
      [review.linkId, viewer?.userId ?? null, viewer?.role === 'ADMIN'],
    );
    return row?.ok === true;
  }

  /**
   * Reviews of a link (its visibility already decided by the link subgraph) or by an author (only those of
   * links the viewer may see), newest first.
   */
  async list(
    viewer: Viewer | null,
    by: { linkId?: string; authorId?: string },
    first?: number | null,
    after?: string | null,
  ): Promise<Page<Review>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    const id = by.linkId ?? by.authorId ?? '';
    if (!isUuid(id)) return toPage([], limit);
    const qb = this.reviews
      .createQueryBuilder('r')
      .where(by.linkId ? 'r.link_id = :id' : 'r.author_id = :id', { id });
    if (by.authorId && viewer?.userId !== by.authorId) {
      // link_access resolves in this subgraph's own schema (its search_path)
      qb.innerJoin('link_access', 'a', 'a.link_id = r.link_id').andWhere(
        LinkAccess.sql(':viewer', ':admin'),
        { viewer: viewer?.userId ?? '00000000-0000-0000-0000-000000000000', admin: viewer?.role === 'ADMIN' },
      );
    }
    if (cursor)
      qb.andWhere('(r.created_at, r.id) < (:createdAt, :id2)', {
        createdAt: cursor.createdAt,
        id2: cursor.id,
      });
    const rows = await qb
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      // one access row per review: a plain LIMIT, not take()'s join-aware paging
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit);
  }
}
