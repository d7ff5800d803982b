import { queryRows, type Queryable } from '@link-archive/events';

/** How long a client request id answers with its first save (an offline outbox retries well within it). */
const KEPT_DAYS = 30;

/** The link an earlier save with this client request id saved (live or since deleted), or null. */
export async function linkOfSaveRequest(
  q: Queryable,
  ownerId: string,
  clientRequestId: string,
): Promise<string | null> {
  const [row] = await queryRows<{ link_id: string }>(
    q,
    `SELECT link_id FROM link.save_requests
      WHERE owner_id = $1 AND client_request_id = $2 AND created_at > now() - interval '${KEPT_DAYS} days'`,
    [ownerId, clientRequestId],
  );
  return row?.link_id ?? null;
}

/** Remembers which link a save request saved (the first answer wins), dropping the owner's expired ids. */
export async function rememberSaveRequest(
  q: Queryable,
  ownerId: string,
  clientRequestId: string,
  linkId: string,
): Promise<void> {
  await q.query(
    `DELETE FROM link.save_requests WHERE owner_id = $1 AND created_at <= now() - interval '${KEPT_DAYS} days'`,
    [ownerId],
  );
  await q.query(
    `INSERT INTO link.save_requests (owner_id, client_request_id, link_id) VALUES ($1, $2, $3)
     ON CONFLICT (owner_id, client_request_id) DO NOTHING`,
    [ownerId, clientRequestId, linkId],
  );
}
