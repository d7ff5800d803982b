import { accountSuspended, badInput, type Redis } from '@link-archive/core';
import type { DataSource } from 'typeorm';
import type { Mailer } from '../mail/mailer';
import { passwordResetMessage } from '../mail/password-reset-message';
import { User } from '../user/user.entity';
import { normalizeEmail, sha256, type AuthResult, type AuthService } from './auth.service';
import { checkPasswordPolicy, hashPassword } from './password';
import { claimToken, issueToken } from './single-use-tokens';
import { RateLimiter } from './rate-limiter';
import { announceRevokedSessions, revokeUserSessions } from './session-revocation';

const TOKEN_MINUTES = 30;
const WINDOW_SECONDS = 3_600;

/**
 * Password reset by e-mail: a request always answers true (whether an account has that address is never
 * told), is limited per address and per IP, and mails a single-use token (stored hashed) that lives 30 minutes.
 * Using it sets the password, ends every session of the account and starts a new one.
 */
export class PasswordResetService {
  private readonly byAddress: RateLimiter;
  private readonly byIp: RateLimiter;

  constructor(
    private readonly ds: DataSource,
    private readonly auth: AuthService,
    private readonly mailer: Mailer,
    private readonly redis: Redis,
    private readonly redisPrefix: string,
    private readonly options: { resetUrl: string; perAddress: number; perIp: number },
  ) {
    this.byAddress = new RateLimiter(redis, 'reset-address', options.perAddress, WINDOW_SECONDS);
    this.byIp = new RateLimiter(redis, 'reset-ip', options.perIp, WINDOW_SECONDS);
  }

  async request(rawEmail: string, ip: string): Promise<boolean> {
    const email = normalizeEmail(rawEmail);
    await this.byIp.hit(ip);
    await this.byAddress.hit(sha256(email));
    const user = await this.ds.getRepository(User).findOneBy({ email });
    if (!user?.passwordHash || user.suspendedAt) return true;
    const token = await issueToken(this.ds, 'password_reset_tokens', user.id, `${TOKEN_MINUTES} minutes`);
    // sent after answering: how long delivery takes says nothing about the address either
    void this.mailer.send(
      passwordResetMessage(email, user.language, {
        handle: user.handle,
        token,
        link: this.options.resetUrl,
        minutes: TOKEN_MINUTES,
      }),
    );
    return true;
  }

  async reset(token: string, newPassword: string): Promise<AuthResult> {
    checkPasswordPolicy(newPassword, 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    const { user, families } = await this.ds.transaction(async (tx) => {
      const claimed = await claimToken(tx, 'password_reset_tokens', token);
      if (!claimed) throw invalidToken();
      const account = await tx.getRepository(User).findOneBy({ id: claimed.userId });
      if (!account) throw invalidToken();
      if (account.suspendedAt) throw accountSuspended();
      await tx.update(User, { id: account.id }, { passwordHash });
      // the account's other reset tokens go too: one reset per mail
      await tx.query(
        'UPDATE "user".password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL',
        [account.id],
      );
      return { user: account, families: await revokeUserSessions(tx, account.id) };
    });
    await announceRevokedSessions(this.redis, this.redisPrefix, families);
    return this.auth.startSession(user);
  }
}

const invalidToken = () => badInput('token', 'the reset token is invalid, used or expired');
