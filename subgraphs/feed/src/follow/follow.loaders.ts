import DataLoader from 'dataloader';
import { isUuid, type Viewer } from '@link-archive/core';
import type { DataSource } from 'typeorm';

/** Counts for a page of users in one grouped statement per direction. */
function countBy(ds: DataSource, column: 'followee_id' | 'follower_id') {
  return new DataLoader<string, number>(async (ids) => {
    const rows: { id: string; n: number }[] = await ds.query(
      `SELECT ${column} AS id, count(*)::int AS n FROM follows WHERE ${column} = ANY($1::uuid[]) GROUP BY 1`,
      [ids.filter(isUuid)],
    );
    const byId = new Map(rows.map((r) => [r.id, r.n]));
    return ids.map((id) => byId.get(id) ?? 0);
  });
}

export function createFollowLoaders(ds: DataSource, viewer: Viewer | null) {
  return {
    followerCount: countBy(ds, 'followee_id'),
    followingCount: countBy(ds, 'follower_id'),
    viewerFollows: new DataLoader<string, boolean>(async (ids) => {
      if (!viewer) return ids.map(() => false);
      const rows: { followee_id: string }[] = await ds.query(
        'SELECT followee_id FROM follows WHERE follower_id = $1 AND followee_id = ANY($2::uuid[])',
        [viewer.userId, ids.filter(isUuid)],
      );
      const followed = new Set(rows.map((r) => r.followee_id));
      return ids.map((id) => followed.has(id));
    }),
  };
}
