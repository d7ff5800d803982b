import {
  badInput,
  decodeCursor,
  encodeCursor,
  isUuid,
  pageSize,
  type KeysetCursor,
  type Page,
  type Viewer,
} from '@link-archive/core';
import { queryRows } from '@link-archive/events';
import type { DataSource } from 'typeorm';
import { NotificationKind, type Notification, type NotificationSetting } from './notification.type';

const COLUMNS = `id, kind, read, actor_id AS "actorId", link_id AS "linkId", review_id AS "reviewId", count,
  priority > 0 AS "highPriority", created_at AS "createdAt", updated_at AS "updatedAt"`;
/** At most this many ids per markNotificationsRead. */
export const MAX_MARK_IDS = 100;

/** A person's own notifications, newest activity first, and which kinds they muted. */
export class NotificationsService {
  constructor(private readonly ds: DataSource) {}

  async list(
    viewer: Viewer,
    unreadOnly: boolean,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<Notification>> {
    const limit = pageSize(first);
    const cursor: KeysetCursor | null = decodeCursor(after);
    const rows = await queryRows<Notification>(
      this.ds,
      `SELECT ${COLUMNS} FROM feed.notifications
        WHERE user_id = $1 AND ($2::boolean IS NOT TRUE OR NOT read)
          AND ($3::timestamptz IS NULL OR (updated_at, id) < ($3, $4::uuid))
        ORDER BY updated_at DESC, id DESC LIMIT $5`,
      [viewer.userId, unreadOnly, cursor?.createdAt ?? null, cursor?.id ?? null, limit + 1],
    );
    // the list is ordered by the last activity: its cursor is that time
    const edges = rows.slice(0, limit).map((node) => ({
      cursor: encodeCursor({ createdAt: new Date(node.updatedAt), id: node.id }),
      node,
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  async byId(viewer: Viewer, id: string): Promise<Notification | null> {
    if (!isUuid(id)) return null;
    const [row] = await queryRows<Notification>(
      this.ds,
      `SELECT ${COLUMNS} FROM feed.notifications WHERE id = $1 AND user_id = $2`,
      [id, viewer.userId],
    );
    return row ?? null;
  }

  async unreadCount(viewer: Viewer): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      this.ds,
      'SELECT count(*)::int AS n FROM feed.notifications WHERE user_id = $1 AND NOT read',
      [viewer.userId],
    );
    return row!.n;
  }

  /** Marks these (or, with no ids, all) of the viewer's notifications read; answers how many changed. */
  async markRead(viewer: Viewer, ids: string[] | null | undefined): Promise<number> {
    if (ids && ids.length > MAX_MARK_IDS) throw badInput('ids', `at most ${MAX_MARK_IDS} ids at once`);
    const invalid = ids?.find((id) => !isUuid(id));
    if (invalid !== undefined) throw badInput('ids', `not a notification id: ${invalid.slice(0, 50)}`);
    const rows = await queryRows(
      this.ds,
      `UPDATE feed.notifications SET read = true
        WHERE user_id = $1 AND NOT read AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) RETURNING id`,
      [viewer.userId, ids ?? null],
    );
    return rows.length;
  }

  async settings(viewer: Viewer): Promise<NotificationSetting[]> {
    const rows = await queryRows<{ kind: string }>(
      this.ds,
      'SELECT kind FROM feed.notification_mutes WHERE user_id = $1',
      [viewer.userId],
    );
    const muted = new Set(rows.map((r) => r.kind));
    return Object.values(NotificationKind).map((kind) => ({ kind, muted: muted.has(kind) }));
  }

  async setMuted(viewer: Viewer, kind: NotificationKind, muted: boolean): Promise<NotificationSetting[]> {
    if (muted)
      await this.ds.query(
        'INSERT INTO feed.notification_mutes (user_id, kind) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [viewer.userId, kind],
      );
    else
      await this.ds.query('DELETE FROM feed.notification_mutes WHERE user_id = $1 AND kind = $2', [
        viewer.userId,
        kind,
      ]);
    return this.settings(viewer);
  }
}
