import { randomBytes } from 'node:crypto';
import { queryRows, type Queryable } from '@link-archive/events';
import { sha256 } from './auth.service';

/** The tables of mailed single-use tokens: (token_hash, user_id, expires_at, used_at, …). */
export type TokenTable = 'password_reset_tokens' | 'email_verification_tokens';

/**
 * A new token for a user: 32 random bytes shown once (mailed), only its SHA-256 stored, valid for `lifetime`
 * (a PostgreSQL interval). `extra` columns are stored with it (the address a confirmation was sent to).
 */
export async function issueToken(
  db: Queryable,
  table: TokenTable,
  userId: string,
  lifetime: string,
  extra: Record<string, string> = {},
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const columns = Object.keys(extra);
  await db.query(
    `INSERT INTO "user".${table} (token_hash, user_id, expires_at${columns.map((c) => `, ${c}`).join('')})
     VALUES ($1, $2, now() + $3::interval${columns.map((_, i) => `, $${i + 4}`).join('')})`,
    [sha256(token), userId, lifetime, ...Object.values(extra)],
  );
  return token;
}

/** Uses a token up: its row (user_id as userId, and `returning` columns) if it was valid, else null. */
export async function claimToken<T extends { userId: string }>(
  tx: Queryable,
  table: TokenTable,
  token: unknown,
  returning = '',
): Promise<T | null> {
  if (typeof token !== 'string' || token.length > 200) return null;
  const [claimed] = await queryRows<T>(
    tx,
    `UPDATE "user".${table} SET used_at = now()
      WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
      RETURNING user_id AS "userId"${returning ? `, ${returning}` : ''}`,
    [sha256(token)],
  );
  return claimed ?? null;
}
