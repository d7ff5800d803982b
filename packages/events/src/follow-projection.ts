import { queryRows, type Queryable } from './outbox';

/**
 * A domain's copy of the follow graph (`<schema>.follows`), fed by user.followed and user.unfollowed. Consumers
 * handle events concurrently, so each edge also keeps the time of the newest event applied to it
 * (`<schema>.follow_state`): an older event arriving late changes nothing, and the state row's lock orders the
 * two writes of concurrent events for one edge.
 */
export async function projectFollow(
  tx: Queryable,
  schema: string,
  edge: { followerId: string; followeeId: string },
  following: boolean,
  asOf: string,
): Promise<void> {
  const applied = await queryRows(
    tx,
    `INSERT INTO "${schema}".follow_state (follower_id, followee_id, following, as_of) VALUES ($1, $2, $3, $4)
     ON CONFLICT (follower_id, followee_id) DO UPDATE SET following = EXCLUDED.following, as_of = EXCLUDED.as_of
      WHERE follow_state.as_of <= EXCLUDED.as_of
     RETURNING following`,
    [edge.followerId, edge.followeeId, following, asOf],
  );
  if (!applied.length) return;
  if (following)
    await tx.query(
      `INSERT INTO "${schema}".follows (follower_id, followee_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [edge.followerId, edge.followeeId],
    );
  else
    await tx.query(`DELETE FROM "${schema}".follows WHERE follower_id = $1 AND followee_id = $2`, [
      edge.followerId,
      edge.followeeId,
    ]);
}

/** Forgets an erased account's edges both ways. */
export async function forgetFollows(tx: Queryable, schema: string, userId: string): Promise<void> {
  await tx.query(`DELETE FROM "${schema}".follows WHERE follower_id = $1 OR followee_id = $1`, [userId]);
  await tx.query(`DELETE FROM "${schema}".follow_state WHERE follower_id = $1 OR followee_id = $1`, [userId]);
}

/** The projection's tables, for a consuming domain's migration (`follows` may already exist). */
export const followProjectionSql = (schema: string) => [
  `CREATE TABLE IF NOT EXISTS "${schema}".follows (
     follower_id uuid NOT NULL,
     followee_id uuid NOT NULL,
     PRIMARY KEY (follower_id, followee_id)
   )`,
  `CREATE TABLE "${schema}".follow_state (
     follower_id uuid NOT NULL,
     followee_id uuid NOT NULL,
     following boolean NOT NULL,
     as_of timestamptz NOT NULL,
     PRIMARY KEY (follower_id, followee_id)
   )`,
];
