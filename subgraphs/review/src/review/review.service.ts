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
import { queryRows, type Transactor } from '@link-archive/events';
import { MAX_REVIEW_BODY, deleteReview, postReview } from '@link-archive/review-domain';
import type { DataSource, Repository } from 'typeorm';
import { LinkAccess } from '../access/link-access';
import { moderate } from '../moderation/moderate-text';
import { Review } from './review.entity';

export class ReviewService {
  private readonly reviews: Repository<Review>;
  private readonly access: LinkAccess;
  private readonly transaction: Transactor;

  constructor(private readonly ds: DataSource) {
    this.reviews = ds.getRepository(Review);
    this.access = new LinkAccess(ds);
    this.transaction = (work) => ds.transaction((manager) => work(manager));
  }

  /** One review per author and link (posting again edits it), of a link the author may see. */
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
    const { id } = await postReview(this.transaction, link, viewer.userId, rating, body);
    return (await this.reviews.findOneBy({ id }))!;
  }

  /** The author or an ADMIN deletes a review. */
  async delete(viewer: Viewer, id: string): Promise<boolean> {
    const review = isUuid(id) ? await this.reviews.findOneBy({ id }) : null;
    if (!review || !(await this.readable(viewer, review))) throw notFound('Review');
    if (review.authorId !== viewer.userId && viewer.role !== 'ADMIN') {
      throw forbidden('Only the author or an ADMIN can delete a review');
    }
    await deleteReview(this.transaction, review);
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
