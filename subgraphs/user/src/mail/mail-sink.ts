import type { AddressInfo } from 'node:net';
import type { Logger } from '@link-archive/core';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';

const MAX_MESSAGE_BYTES = 1 << 20;

/**
 * An SMTP server on 127.0.0.1 that keeps what it receives in PostgreSQL instead of delivering it: what runs
 * when no SMTP_URL is set (npm start, tests), so mail goes through real SMTP and an ADMIN can read it
 * (`sinkMessages`). Every replica's sink writes to the same table.
 */
export async function startMailSink(
  ds: DataSource,
  logger: Logger,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: MAX_MESSAGE_BYTES,
    banner: 'link-archive mail sink',
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          await ds.query(
            `INSERT INTO "user".sink_messages (recipients, subject, text_body, html_body) VALUES ($1, $2, $3, $4)`,
            [
              recipients,
              mail.subject ?? '',
              mail.text ?? null,
              typeof mail.html === 'string' ? mail.html : null,
            ],
          );
          callback();
        })
        .catch((err: Error) => {
          logger.error({ err }, 'mail sink could not keep a message');
          callback(err);
        });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  logger.info({ port }, 'no SMTP_URL: mail goes to the embedded sink (ADMINs read it with sinkMessages)');
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
