import { decodeCursor, isUuid, pageSize, toPage, type Page } from '@link-archive/core';
import type { DataSource, Repository } from 'typeorm';
import { Review } from './review.entity';

export class ReviewService {
  private readonly reviews: Repository<Review>;

  constructor(ds: DataSource) {
    this.reviews = ds.getRepository(Review);
  }

  /** Reviews of a link or by an author, newest first. */
  async list(
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
    if (cursor)
      qb.andWhere('(r.created_at, r.id) < (:createdAt, :id2)', {
        createdAt: cursor.createdAt,
        id2: cursor.id,
      });
    const rows = await qb
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(limit + 1)
      .getMany();
    return toPage(rows, limit);
  }
}
