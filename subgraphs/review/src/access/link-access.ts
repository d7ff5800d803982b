import { queryRows, readProjection, type Queryable } from '@link-archive/events';
import type { Viewer } from '@link-archive/core';

export interface LinkAccessRow {
  linkId: string;
  ownerId: string;
  visibility: 'PRIVATE' | 'FOLLOWERS' | 'PUBLIC';
}

/**
 * Who may see each link, projected from the link domain's events: its owner and ADMINs always, anyone for
 * PUBLIC, the owner's followers (review.follows, projected from the feed domain's events) for FOLLOWERS.
 */
export class LinkAccess {
  constructor(private readonly db: Queryable) {}

  /**
   * Applies a link.saved or link.updated event that happened at `asOf`: events are consumed concurrently, so the
   * newest visibility wins whatever order they arrive in, and a deleted link stays deleted.
   */
  static async record(tx: Queryable, row: LinkAccessRow, asOf: string): Promise<void> {
    await tx.query(
      `INSERT INTO review.link_access (link_id, owner_id, visibility, as_of) VALUES ($1, $2, $3, $4)
       ON CONFLICT (link_id) DO UPDATE SET visibility = EXCLUDED.visibility, as_of = EXCLUDED.as_of
        WHERE link_access.as_of <= EXCLUDED.as_of`,
      [row.linkId, row.ownerId, row.visibility, asOf],
    );
  }

  /**
   * What a crawl says of the link: its owner's plan (whose AI quota its reviews' analysis uses) and the page's
   * title, site and description (what replies are drafted about). A link the projection does not know yet is
   * added as its owner's alone until its link.saved arrives. False when the link is deleted.
   */
  static async recordCrawl(
    tx: Queryable,
    crawl: {
      linkId: string;
      ownerId: string;
      ownerPlan: string;
      title: string | null;
      siteName: string | null;
      description: string | null;
    },
  ): Promise<boolean> {
    const [row] = await queryRows<{ deleted: boolean }>(
      tx,
      `INSERT INTO review.link_access (link_id, owner_id, visibility, as_of, owner_plan, title, site_name, description)
       VALUES ($1, $2, 'PRIVATE', '-infinity', $3, $4, $5, $6)
       ON CONFLICT (link_id) DO UPDATE SET owner_plan = EXCLUDED.owner_plan, title = EXCLUDED.title,
          site_name = EXCLUDED.site_name, description = EXCLUDED.description
       RETURNING deleted`,
      [crawl.linkId, crawl.ownerId, crawl.ownerPlan, crawl.title, crawl.siteName, crawl.description],
    );
    return row?.deleted === false;
  }

  /** A deleted link stays known as deleted (a late event must not bring it back), its owner forgotten. */
  static async forget(tx: Queryable, linkId: string): Promise<void> {
    await tx.query(
      `INSERT INTO review.link_access (link_id, owner_id, visibility, deleted, as_of)
       VALUES ($1, '00000000-0000-0000-0000-000000000000', 'PRIVATE', true, now())
       ON CONFLICT (link_id) DO UPDATE SET deleted = true, owner_id = EXCLUDED.owner_id`,
      [linkId],
    );
  }

  /** The link if the viewer may see it; waits briefly for a link saved a moment ago. */
  async visible(viewer: Viewer | null, linkId: string): Promise<LinkAccessRow | 'hidden' | 'unknown'> {
    const row = await readProjection(async () => {
      const [found] = await queryRows<LinkAccessRow & { deleted: boolean }>(
        this.db,
        `SELECT link_id AS "linkId", owner_id AS "ownerId", visibility, deleted FROM review.link_access
          WHERE link_id = $1`,
        [linkId],
      );
      return found;
    });
    if (!row || row.deleted) return 'unknown';
    return (await this.allows(viewer, row)) ? row : 'hidden';
  }

  async allows(viewer: Viewer | null, row: LinkAccessRow): Promise<boolean> {
    if (viewer?.role === 'ADMIN' || row.ownerId === viewer?.userId || row.visibility === 'PUBLIC')
      return true;
    if (row.visibility !== 'FOLLOWERS' || !viewer) return false;
    const follows = await queryRows(
      this.db,
      'SELECT 1 FROM review.follows WHERE follower_id = $1 AND followee_id = $2',
      [viewer.userId, row.ownerId],
    );
    return follows.length > 0;
  }

  /** The same rule as SQL over `a` (review.link_access); $viewer and $admin are bound by the caller. */
  static sql(viewerParam: string, adminParam: string): string {
    return `(NOT a.deleted AND (${adminParam} OR a.owner_id = ${viewerParam} OR a.visibility = 'PUBLIC' OR
      (a.visibility = 'FOLLOWERS' AND EXISTS (SELECT 1 FROM review.follows f
        WHERE f.follower_id = ${viewerParam} AND f.followee_id = a.owner_id))))`;
  }
}
