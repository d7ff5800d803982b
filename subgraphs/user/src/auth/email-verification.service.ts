import { randomBytes } from 'node:crypto';
import { badInput, type Logger } from '@link-archive/core';
import { queryRows } from '@link-archive/events';
import type { DataSource } from 'typeorm';
import type { Mailer } from '../mail/mailer';
import { verificationMessage } from '../mail/verification-message';
import { User } from '../user/user.entity';
import { sha256 } from './auth.service';

const TOKEN_HOURS = 48;

/**
 * E-mail confirmation: a new account with an address is mailed a single-use token (stored hashed, 48 hours);
 * `verifyEmail(token)` confirms the address it was sent to (not one changed since).
 */
export class EmailVerificationService {
  constructor(
    private readonly ds: DataSource,
    private readonly mailer: Mailer,
    private readonly logger: Logger,
    private readonly verifyUrl: string,
  ) {}

  /** Mails a confirmation to a new account's address; failures are logged, the sign-up stands. */
  async start(user: User): Promise<void> {
    if (!user.email) return;
    try {
      const token = randomBytes(32).toString('base64url');
      await this.ds.query(
        `INSERT INTO "user".email_verification_tokens (token_hash, user_id, email, expires_at)
         VALUES ($1, $2, $3, now() + interval '${TOKEN_HOURS} hours')`,
        [sha256(token), user.id, user.email],
      );
      await this.mailer.send(
        verificationMessage(user.email, user.language, {
          handle: user.handle,
          token,
          link: this.verifyUrl,
          hours: TOKEN_HOURS,
        }),
      );
    } catch (err) {
      this.logger.error({ err, userId: user.id }, 'e-mail confirmation could not be started');
    }
  }

  async verify(token: string): Promise<User> {
    if (typeof token !== 'string' || token.length > 200) throw invalidToken();
    return this.ds.transaction(async (tx) => {
      const [claimed] = await queryRows<{ userId: string; email: string }>(
        tx,
        `UPDATE "user".email_verification_tokens SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
          RETURNING user_id AS "userId", email`,
        [sha256(token)],
      );
      if (!claimed) throw invalidToken();
      const user = await tx.getRepository(User).findOneBy({ id: claimed.userId });
      if (!user || user.email !== claimed.email) throw invalidToken();
      if (!user.emailVerifiedAt) {
        await tx.update(User, { id: user.id }, { emailVerifiedAt: () => 'now()' });
        user.emailVerifiedAt = new Date();
      }
      return user;
    });
  }
}

const invalidToken = () => badInput('token', 'the confirmation token is invalid, used or expired');
