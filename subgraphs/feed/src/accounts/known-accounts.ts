import { queryRows, readProjection, type Queryable } from '@link-archive/events';

/** The accounts that exist, as the user domain's user.registered and user.deleted events say. */
export class KnownAccounts {
  constructor(private readonly db: Queryable) {}

  static async record(tx: Queryable, userId: string): Promise<void> {
    await tx.query('INSERT INTO feed.accounts (user_id) VALUES ($1) ON CONFLICT DO NOTHING', [userId]);
  }

  static async forget(tx: Queryable, userId: string): Promise<void> {
    await tx.query('DELETE FROM feed.accounts WHERE user_id = $1', [userId]);
  }

  /** Waits briefly for an account created a moment ago. */
  async exists(userId: string): Promise<boolean> {
    const row = await readProjection(
      async () => (await queryRows(this.db, 'SELECT 1 FROM feed.accounts WHERE user_id = $1', [userId]))[0],
    );
    return row !== undefined;
  }
}
