import { requireAdmin } from '@link-archive/federation';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { UserContext } from '../context';
import { Plan, Role, User } from '../user/user.entity';
import { AdminAuditConnection, AdminAuditEntry, UserConnection } from './admin-audit-entry';
import type { AuditRow } from './admin.service';

/** ADMIN-only account management; every change is audited (adminAuditLog). */
@Resolver(() => User)
export class AdminResolver {
  @Query(() => UserConnection, {
    description: 'ADMIN: accounts, newest first, optionally by handle, e-mail or display-name prefix.',
  })
  adminUsers(
    @Arg('query', () => String, { nullable: true }) query: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: UserContext,
  ) {
    requireAdmin(ctx);
    return ctx.services.admin.users(query, first, after);
  }

  @Query(() => AdminAuditConnection, { description: 'ADMIN: what ADMINs did to accounts, newest first.' })
  adminAuditLog(
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: UserContext,
  ) {
    requireAdmin(ctx);
    return ctx.services.admin.audit(first, after);
  }

  @Mutation(() => User, { description: "ADMIN: the account's role (its next session refresh carries it)." })
  setUserRole(
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => Role) role: Role,
    @Ctx() ctx: UserContext,
  ) {
    return ctx.services.admin.setRole(requireAdmin(ctx), userId, role);
  }

  @Mutation(() => User, { description: "ADMIN: the account's plan (its next session refresh carries it)." })
  setUserPlan(
    @Arg('userId', () => ID) userId: string,
    @Arg('plan', () => Plan) plan: Plan,
    @Ctx() ctx: UserContext,
  ) {
    return ctx.services.admin.setPlan(requireAdmin(ctx), userId, plan);
  }

  @Mutation(() => User, {
    description:
      'ADMIN: suspends the account: its sessions end at once, sign-in is refused (ACCOUNT_SUSPENDED).',
  })
  suspendUser(
    @Arg('userId', () => ID) userId: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: UserContext,
  ) {
    return ctx.services.admin.suspend(requireAdmin(ctx), userId, reason);
  }

  @Mutation(() => User, { description: 'ADMIN: lets a suspended account sign in again.' })
  unsuspendUser(@Arg('userId', () => ID) userId: string, @Ctx() ctx: UserContext) {
    return ctx.services.admin.unsuspend(requireAdmin(ctx), userId);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'ADMIN only: when the account was suspended.' })
  suspendedAt(@Root() user: User, @Ctx() ctx: UserContext): Date | null {
    return ctx.viewer?.role === 'ADMIN' ? (user.suspendedAt ?? null) : null;
  }
}

@Resolver(() => AdminAuditEntry)
export class AdminAuditEntryResolver {
  @FieldResolver(() => User, { nullable: true })
  actor(@Root() entry: AuditRow, @Ctx() ctx: UserContext) {
    return ctx.loaders.user.load(entry.actorId);
  }

  @FieldResolver(() => User, { nullable: true })
  target(@Root() entry: AuditRow, @Ctx() ctx: UserContext) {
    return ctx.loaders.user.load(entry.targetId);
  }
}
