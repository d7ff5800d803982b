import type { Logger } from '@link-archive/core';
import { createTransport, type Transporter } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const TIMEOUT_MS = 10_000;

/** Sends mail over SMTP (nodemailer), with timeouts; the sender address is MAIL_FROM. */
export class Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    private readonly logger: Logger,
  ) {
    const url = new URL(smtpUrl);
    url.searchParams.set('connectionTimeout', String(TIMEOUT_MS));
    url.searchParams.set('greetingTimeout', String(TIMEOUT_MS));
    url.searchParams.set('socketTimeout', String(TIMEOUT_MS));
    this.transport = createTransport(url.href);
  }

  /** Sends, or logs why it could not: the caller's answer does not depend on delivery. */
  async send(message: MailMessage): Promise<boolean> {
    try {
      await this.transport.sendMail({ from: this.from, ...message });
      return true;
    } catch (err) {
      this.logger.error({ err, subject: message.subject }, 'mail could not be sent');
      return false;
    }
  }

  close(): void {
    this.transport.close();
  }
}
