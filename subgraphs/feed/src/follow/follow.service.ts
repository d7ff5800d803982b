import { decodeCursor, isUuid, pageSize, toPage, type Page } from '@link-archive/core';
import type { DataSource } from 'typeorm';

export class FollowService {
  constructor(private readonly ds: DataSource) {}

  /** Followers (who follow userId) or following (whom userId follows), newest edge first. */
  async list(
    userId: string,
    direction: 'followers' | 'following',
    first?: number | null,
    after?: string | null,
  ): Promise<Page<{ id: string; createdAt: Date }>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    if (!isUuid(userId)) return toPage([], limit);
    const [self, other] =
      direction === 'followers' ? ['followee_id', 'follower_id'] : ['follower_id', 'followee_id'];
    const params: unknown[] = [userId, limit + 1];
    let keyset = '';
    if (cursor) {
      params.push(cursor.createdAt, cursor.id);
      keyset = `AND (created_at, ${other}) < ($3, $4)`;
    }
    const rows: { id: string; created_at: Date }[] = await this.ds.query(
      `SELECT ${other} AS id, created_at FROM follows WHERE ${self} = $1 ${keyset}
        ORDER BY created_at DESC, ${other} DESC LIMIT $2`,
      params,
    );
    return toPage(
      rows.map((r) => ({ id: r.id, createdAt: r.created_at })),
      limit,
    );
  }
}
