import { badInput, type Logger } from '@link-archive/core';
import type { DataSource } from 'typeorm';
import type { Mailer } from '../mail/mailer';
import { verificationMessage } from '../mail/verification-message';
import { User } from '../user/user.entity';
import { claimToken, issueToken } from './single-use-tokens';

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
      const token = await issueToken(this.ds, 'email_verification_tokens', user.id, `${TOKEN_HOURS} hours`, {
        email: user.email,
      });
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
    return this.ds.transaction(async (tx) => {
      const claimed = await claimToken<{ userId: string; email: string }>(
        tx,
        'email_verification_tokens',
        token,
        'email',
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
