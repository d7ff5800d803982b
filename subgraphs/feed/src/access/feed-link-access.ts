import { queryRows, type Queryable } from '@link-archive/events';

const NOBODY = '00000000-0000-0000-0000-000000000000';

import type { Visibility } from '@link-archive/feed-domain';

export type { Visibility };

export interface LinkChange {
  linkId: string;
  ownerId: string;
  visibility: Visibility;
  tags: string[];
  status: string | null;
}

/**
 * Who may see each link and its tags, projected from the link domain's events (never read from the link schema):
 * the feed shows a link's items only to who may see it now, so a link made PRIVATE or deleted leaves every feed
 * at once.
 */
export class FeedLinkAccess {
  /**
   * Applies link.saved / link.updated that happened at `asOf` (the newest visibility and tags win whatever order
   * events arrive in). Answers whether this change is the link's first READY.
   */
  static async record(tx: Queryable, change: LinkChange, asOf: string): Promise<{ firstReady: boolean }> {
    const ready = change.status === 'READY';
    const [before] = await queryRows<{ ready: boolean }>(
      tx,
      'SELECT ready FROM feed.link_access WHERE link_id = $1 FOR UPDATE',
      [change.linkId],
    );
    await tx.query(
      `INSERT INTO feed.link_access (link_id, owner_id, visibility, tags, ready, as_of)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (link_id) DO UPDATE SET
         ready = link_access.ready OR EXCLUDED.ready,
         visibility = CASE WHEN link_access.as_of <= EXCLUDED.as_of THEN EXCLUDED.visibility ELSE link_access.visibility END,
         tags = CASE WHEN link_access.as_of <= EXCLUDED.as_of THEN EXCLUDED.tags ELSE link_access.tags END,
         as_of = GREATEST(link_access.as_of, EXCLUDED.as_of)`,
      [change.linkId, change.ownerId, change.visibility, change.tags, ready, asOf],
    );
    return { firstReady: ready && !before?.ready };
  }

  /** A deleted link stays known as deleted (a late event must not bring it back), its owner and tags forgotten. */
  static async forget(tx: Queryable, linkId: string): Promise<void> {
    await tx.query(
      `INSERT INTO feed.link_access (link_id, owner_id, visibility, deleted, as_of)
       VALUES ($1, '${NOBODY}', 'PRIVATE', true, now())
       ON CONFLICT (link_id) DO UPDATE SET deleted = true, owner_id = EXCLUDED.owner_id, tags = '{}'`,
      [linkId],
    );
  }

  /** An erased account's links, forgotten the same way (their link.deleted events may come before or after). */
  static async forgetOwner(tx: Queryable, ownerId: string): Promise<void> {
    await tx.query(
      `UPDATE feed.link_access SET deleted = true, owner_id = '${NOBODY}', tags = '{}' WHERE owner_id = $1`,
      [ownerId],
    );
  }

  static async visibilityOf(
    tx: Queryable,
    linkId: string,
  ): Promise<{ ownerId: string; visibility: Visibility } | null> {
    const [row] = await queryRows<{ ownerId: string; visibility: Visibility }>(
      tx,
      'SELECT owner_id AS "ownerId", visibility FROM feed.link_access WHERE link_id = $1 AND NOT deleted',
      [linkId],
    );
    return row ?? null;
  }

  /**
   * Whether viewer `$v` may see item `i`'s link (items without a link, USER_FOLLOWED, always): SQL over
   * `feed_items i LEFT JOIN link_access a ON a.link_id = i.link_id`. A link not yet known is not shown.
   */
  static itemVisibleSql(viewerParam: string): string {
    return `(i.link_id IS NULL OR (a.link_id IS NOT NULL AND NOT a.deleted AND (
      a.owner_id = ${viewerParam} OR a.visibility = 'PUBLIC' OR
      (a.visibility = 'FOLLOWERS' AND EXISTS (SELECT 1 FROM feed.follows vf
        WHERE vf.follower_id = ${viewerParam} AND vf.followee_id = a.owner_id)))))`;
  }
}
