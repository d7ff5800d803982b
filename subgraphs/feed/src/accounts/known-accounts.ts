import { queryRows, type Queryable } from '@link-archive/events';

/** How long a follow waits for an account created a moment ago to reach this projection. */
const FRESH_ACCOUNT_WAIT_MS = 3_000;

/** The accounts that exist, as the user domain's user.registered and user.deleted events say. */
export class KnownAccounts {
  constructor(private readonly db: Queryable) {}

  static async record(tx: Queryable, userId: string): Promise<void> {
    await tx.query('INSERT INTO feed.accounts (user_id) VALUES ($1) ON CONFLICT DO NOTHING', [userId]);
  }

  static async forget(tx: Queryable, userId: string): Promise<void> {
    await tx.query('DELETE FROM feed.accounts WHERE user_id = $1', [userId]);
  }

  async exists(userId: string): Promise<boolean> {
    const deadline = Date.now() + FRESH_ACCOUNT_WAIT_MS;
    for (;;) {
      const rows = await queryRows(this.db, 'SELECT 1 FROM feed.accounts WHERE user_id = $1', [userId]);
      if (rows.length) return true;
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
