import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { accountSuspended, badInput, unauthenticated, type Redis, type Viewer } from '@link-archive/core';
import { isUniqueViolation } from '@link-archive/federation';
import { emitEvent, userDeleted, userRegistered } from '@link-archive/events';
import type { DataSource, Repository } from 'typeorm';
import { USER_SCHEMA } from '../data-source';
import { User } from '../user/user.entity';
import { normalizeHandle, randomHandle } from '../user/handle';
import { RefreshToken } from './refresh-token.entity';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password';
import { RateLimiter } from './rate-limiter';
import { announceRevokedSessions, revokeUserSessions } from './session-revocation';
import type { TokenSigner } from './token-signer';

export const REFRESH_TOKEN_TTL_DAYS = 30;
const MAX_EMAIL = 254;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface AuthResult {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  user: User;
}

export interface AuthLimits {
  loginPerAccount: number;
  loginPerIp: number;
  loginWindowSeconds: number;
  signUpPerIp: number;
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function normalizeEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > MAX_EMAIL || !EMAIL.test(email) || email.includes('\u0000'))
    throw badInput('email', 'email is not a valid address');
  return email;
}

export class AuthService {
  private readonly users: Repository<User>;
  private readonly tokens: Repository<RefreshToken>;
  private readonly loginByAccount: RateLimiter;
  private readonly loginByIp: RateLimiter;
  private readonly signUpByIp: RateLimiter;

  constructor(
    private readonly ds: DataSource,
    private readonly signer: TokenSigner,
    private readonly redis: Redis,
    private readonly redisPrefix: string,
    limits: AuthLimits,
  ) {
    this.users = ds.getRepository(User);
    this.tokens = ds.getRepository(RefreshToken);
    this.loginByAccount = new RateLimiter(
      redis,
      'login-account',
      limits.loginPerAccount,
      limits.loginWindowSeconds,
    );
    this.loginByIp = new RateLimiter(redis, 'login-ip', limits.loginPerIp, limits.loginWindowSeconds);
    this.signUpByIp = new RateLimiter(redis, 'signup-ip', limits.signUpPerIp, 3600);
  }

  async signUp(input: { email: string; password: string; handle: string }, ip: string): Promise<AuthResult> {
    const email = normalizeEmail(input.email);
    checkPasswordPolicy(input.password);
    const handle = normalizeHandle(input.handle);
    await this.signUpByIp.hit(ip);
    const passwordHash = await hashPassword(input.password);
    const user = await this.insertUser({ email, passwordHash, handle, isAnonymous: false });
    return this.startSession(user);
  }

  async signUpAnonymous(handle: string | null | undefined, ip: string): Promise<AuthResult> {
    const chosen = handle ? normalizeHandle(handle) : randomHandle();
    await this.signUpByIp.hit(ip);
    const user = await this.insertUser({
      email: null,
      passwordHash: null,
      handle: chosen,
      isAnonymous: true,
    });
    return this.startSession(user);
  }

  async signIn(rawEmail: string, password: string, ip: string): Promise<AuthResult> {
    const email = normalizeEmail(rawEmail);
    await this.loginByIp.hit(ip);
    await this.loginByAccount.hit(sha256(email));
    const user = await this.users.findOneBy({ email });
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok) throw unauthenticated('Invalid email or password');
    await this.loginByAccount.reset(sha256(email));
    if (user.suspendedAt) throw accountSuspended();
    return this.startSession(user);
  }

  /** Rotates a refresh token. Presenting one that was already rotated revokes its whole family. */
  async refresh(refreshToken: string): Promise<AuthResult> {
    const tokenHash = sha256(refreshToken);
    const rotated: { family_id: string; user_id: string }[] = await this.tokens
      .createQueryBuilder()
      .update()
      .set({ rotatedAt: () => 'now()' })
      .where('token_hash = :tokenHash AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > now()', {
        tokenHash,
      })
      .returning('*')
      .execute()
      .then((r) => r.raw);
    const current = rotated[0];
    if (!current) {
      const known = await this.tokens.findOneBy({ tokenHash });
      if (known?.rotatedAt && !known.revokedAt) {
        await this.revokeFamily(known.familyId);
        throw unauthenticated('Refresh token was already used; the session has been revoked');
      }
      throw unauthenticated('Refresh token is invalid or expired');
    }
    const user = await this.users.findOneBy({ id: current.user_id });
    if (!user) throw unauthenticated('Account no longer exists');
    if (user.suspendedAt) throw accountSuspended();
    return this.issue(user, current.family_id);
  }

  /**
   * A new password for a signed-in account that knows its current one. Every other session ends (a stolen
   * session does not outlive the change); this one stays. Attempts count against the account's sign-in limit.
   */
  async changePassword(viewer: Viewer, currentPassword: string, newPassword: string): Promise<boolean> {
    const user = await this.users.findOneBy({ id: viewer.userId });
    if (!user) throw unauthenticated('Account no longer exists');
    if (!user.passwordHash || !user.email)
      throw badInput('currentPassword', 'this account has no password (an anonymous account)');
    await this.loginByAccount.hit(sha256(user.email));
    if (!(await verifyPassword(user.passwordHash, currentPassword)))
      throw badInput('currentPassword', 'the current password is wrong');
    await this.loginByAccount.reset(sha256(user.email));
    checkPasswordPolicy(newPassword, 'newPassword');
    if (newPassword === currentPassword) throw badInput('newPassword', 'the new password is the current one');
    const passwordHash = await hashPassword(newPassword);
    const revoked = await this.ds.transaction(async (tx) => {
      await tx.update(User, { id: user.id }, { passwordHash });
      return revokeUserSessions(tx, user.id, viewer.sessionId);
    });
    await announceRevokedSessions(this.redis, this.redisPrefix, revoked);
    return true;
  }

  async signOut(refreshToken: string): Promise<boolean> {
    const known = await this.tokens.findOneBy({ tokenHash: sha256(refreshToken) });
    if (!known) return false;
    await this.revokeFamily(known.familyId);
    return true;
  }

  /**
   * Erases the account and its sessions, and emits user.deleted in the same transaction: every other subgraph
   * erases what it holds of the user in its own consumer. Open sockets of its sessions close at once.
   */
  async deleteAccount(viewer: Viewer): Promise<boolean> {
    const families: { family_id: string }[] = await this.ds.query(
      'SELECT DISTINCT family_id FROM refresh_tokens WHERE user_id = $1',
      [viewer.userId],
    );
    await this.ds.transaction(async (tx) => {
      await tx.delete(RefreshToken, { userId: viewer.userId });
      await tx.delete(User, { id: viewer.userId });
      await emitEvent(tx, USER_SCHEMA, userDeleted, { userId: viewer.userId });
    });
    await announceRevokedSessions(this.redis, this.redisPrefix, [
      viewer.sessionId,
      ...families.map((f) => f.family_id),
    ]);
    return true;
  }

  /** The new account and user.registered commit together. */
  private async insertUser(fields: Partial<User>): Promise<User> {
    try {
      return await this.ds.transaction(async (tx) => {
        const users = tx.getRepository(User);
        const user = await users.save(users.create(fields));
        await emitEvent(tx, USER_SCHEMA, userRegistered, { userId: user.id });
        return user;
      });
    } catch (err) {
      if (isUniqueViolation(err, 'users_handle_key')) throw badInput('handle', 'handle is already taken');
      if (isUniqueViolation(err, 'users_email_key')) throw badInput('email', 'email is already registered');
      throw err;
    }
  }

  /** A new session (access and refresh token) for an account that proved who it is. */
  startSession(user: User): Promise<AuthResult> {
    return this.issue(user, randomUUID());
  }

  private async issue(user: User, familyId: string): Promise<AuthResult> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.tokens.insert({
      familyId,
      userId: user.id,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    });
    const { token, expiresAt } = await this.signer.sign({
      userId: user.id,
      role: user.role,
      plan: user.plan,
      anonymous: user.isAnonymous,
      sessionId: familyId,
    });
    return { accessToken: token, refreshToken, expiresAt, user };
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.tokens
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
    await announceRevokedSessions(this.redis, this.redisPrefix, [familyId]);
  }
}
