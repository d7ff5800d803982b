import type { Viewer } from '@link-archive/core';
import type { DataSource } from 'typeorm';
import { Visibility } from './link.enums';
import type { Link } from './link.entity';

/**
 * Who may see a link: its owner and ADMINs always; anyone for PUBLIC; for FOLLOWERS, people who follow
 * the owner. Follow edges live in the feed subgraph; this subgraph keeps a projection of them
 * (link.follows), fed by user.followed events, so it never reads another subgraph's tables.
 */
export class VisibilityPolicy {
  constructor(private readonly ds: DataSource) {}

  /** The subset of links the viewer may see, with at most one statement for follower checks. */
  async filter(viewer: Viewer | null, links: Link[]): Promise<Link[]> {
    if (viewer?.role === 'ADMIN') return links;
    const needFollow = links.filter(
      (l) => l.visibility === Visibility.FOLLOWERS && l.ownerId !== viewer?.userId,
    );
    let followed = new Set<string>();
    if (viewer && needFollow.length > 0) {
      const owners = [...new Set(needFollow.map((l) => l.ownerId))];
      const rows: { followee_id: string }[] = await this.ds.query(
        'SELECT followee_id FROM follows WHERE follower_id = $1 AND followee_id = ANY($2::uuid[])',
        [viewer.userId, owners],
      );
      followed = new Set(rows.map((r) => r.followee_id));
    }
    return links.filter(
      (l) =>
        l.ownerId === viewer?.userId ||
        l.visibility === Visibility.PUBLIC ||
        (l.visibility === Visibility.FOLLOWERS && followed.has(l.ownerId)),
    );
  }

  /** The same rule as SQL, for listings of another person's links. `$viewer` is bound by the caller. */
  static readonly sql = `(
    l.owner_id = :viewer OR :isAdmin OR l.visibility = 'PUBLIC' OR
    (l.visibility = 'FOLLOWERS' AND EXISTS (
      SELECT 1 FROM follows f WHERE f.follower_id = :viewer AND f.followee_id = l.owner_id)))`;
}
