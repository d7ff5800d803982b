import {
  badInput,
  decodeCursor,
  isUuid,
  notFound,
  pageSize,
  toPage,
  type Page,
  type Redis,
  type Viewer,
} from '@link-archive/core';
import { queryRows } from '@link-archive/events';
import type { DataSource, EntityManager } from 'typeorm';
import { announceRevokedSessions, revokeUserSessions } from '../auth/session-revocation';
import { likePrefix } from '../user/like-prefix';
import { Plan, Role, User } from '../user/user.entity';
import { AdminAction } from './admin-audit-entry';

const MAX_QUERY_LENGTH = 100;
const MAX_REASON_LENGTH = 500;

export interface AuditRow {
  id: string;
  action: AdminAction;
  actorId: string;
  targetId: string;
  detail: string;
  createdAt: Date;
}

/**
 * What ADMINs do to accounts: find them, change their role or plan, suspend them (their sessions end at once and
 * sign-in is refused) and let them back. Every change and its audit entry commit together. Callers check the
 * ADMIN role; an ADMIN cannot demote or suspend themselves (another ADMIN must).
 */
export class AdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly redis: Redis,
    private readonly redisPrefix: string,
  ) {}

  async users(
    query: string | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<User>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    const text = query?.trim().toLowerCase() ?? '';
    if (text.length > MAX_QUERY_LENGTH) throw badInput('query', `query is longer than ${MAX_QUERY_LENGTH}`);
    const builder = this.ds.getRepository(User).createQueryBuilder('u');
    if (text) {
      const prefix = likePrefix(text);
      builder.where('(u.handle LIKE :prefix OR u.email LIKE :prefix OR lower(u.display_name) LIKE :prefix)', {
        prefix,
      });
    }
    if (cursor)
      builder.andWhere('(u.created_at, u.id) < (:at, :id)', { at: cursor.createdAt, id: cursor.id });
    const rows = await builder
      .orderBy('u.created_at', 'DESC')
      .addOrderBy('u.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit);
  }

  setRole(admin: Viewer, userId: string, role: Role): Promise<User> {
    if (userId === admin.userId && role !== Role.ADMIN)
      throw badInput('userId', 'an ADMIN cannot take their own role away; another ADMIN must');
    return this.change(admin, userId, async (tx, user) => {
      const from = user.role;
      await tx.update(User, { id: user.id }, { role });
      return { action: AdminAction.SET_ROLE, detail: { from, to: role } };
    });
  }

  setPlan(admin: Viewer, userId: string, plan: Plan): Promise<User> {
    return this.change(admin, userId, async (tx, user) => {
      const from = user.plan;
      await tx.update(User, { id: user.id }, { plan });
      return { action: AdminAction.SET_PLAN, detail: { from, to: plan } };
    });
  }

  async suspend(admin: Viewer, userId: string, reason: string | null | undefined): Promise<User> {
    if (userId === admin.userId) throw badInput('userId', 'an ADMIN cannot suspend themselves');
    const why = reason?.trim() || null;
    if (why && why.length > MAX_REASON_LENGTH)
      throw badInput('reason', `reason is longer than ${MAX_REASON_LENGTH}`);
    let families: string[] = [];
    const user = await this.change(admin, userId, async (tx, target) => {
      await tx.update(User, { id: target.id }, { suspendedAt: () => 'now()', suspensionReason: why });
      // every session ends: refresh tokens revoked now, access tokens refused by the gateway below
      families = await revokeUserSessions(tx, target.id);
      return { action: AdminAction.SUSPEND, detail: { reason: why } };
    });
    await announceRevokedSessions(this.redis, this.redisPrefix, families);
    return user;
  }

  unsuspend(admin: Viewer, userId: string): Promise<User> {
    return this.change(admin, userId, async (tx, user) => {
      await tx.update(User, { id: user.id }, { suspendedAt: null, suspensionReason: null });
      return { action: AdminAction.UNSUSPEND, detail: {} };
    });
  }

  async audit(first?: number | null, after?: string | null): Promise<Page<AuditRow>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    const rows = await queryRows<AuditRow>(
      this.ds,
      `SELECT id, action, actor_id AS "actorId", target_id AS "targetId", detail::text AS detail,
              created_at AS "createdAt"
         FROM "user".admin_audit
        WHERE $1::timestamptz IS NULL OR (created_at, id) < ($1, $2::uuid)
        ORDER BY created_at DESC, id DESC LIMIT $3`,
      [cursor?.createdAt ?? null, cursor?.id ?? null, limit + 1],
    );
    return toPage(
      rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) })),
      limit,
    );
  }

  /** Locks the account, applies the change, writes the audit entry, all in one transaction. */
  private async change(
    admin: Viewer,
    userId: string,
    apply: (
      tx: EntityManager,
      user: User,
    ) => Promise<{ action: AdminAction; detail: Record<string, unknown> }>,
  ): Promise<User> {
    if (!isUuid(userId)) throw notFound('User');
    return this.ds.transaction(async (tx) => {
      const user = await tx
        .getRepository(User)
        .createQueryBuilder('u')
        .setLock('pessimistic_write')
        .where('u.id = :id', { id: userId })
        .getOne();
      if (!user) throw notFound('User');
      const { action, detail } = await apply(tx, user);
      await tx.query(
        `INSERT INTO "user".admin_audit (actor_id, action, target_id, detail) VALUES ($1, $2, $3, $4)`,
        [admin.userId, action, user.id, JSON.stringify(detail)],
      );
      return (await tx.getRepository(User).findOneBy({ id: user.id }))!;
    });
  }
}
