import type { MailMessage } from './mailer';

export type MailLanguage = 'en' | 'ko';

import { escapeHtml } from '@link-archive/core';

/** The words of one mail carrying a single-use token, in one language. */
export interface TokenMailCopy {
  subject: string;
  /** Paragraphs before the link. */
  before: string[];
  /** What the token is called when shown on its own. */
  code: string;
  /** Paragraphs after the token. */
  after: string[];
}

/** A mail with a link to `page?token=…` and the token itself, as plain text and HTML. */
export function tokenMail(
  to: string,
  language: MailLanguage,
  copy: TokenMailCopy,
  page: string,
  token: string,
): MailMessage {
  const url = `${page}${page.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
  const paragraphs = (lines: string[]) => lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
  return {
    to,
    subject: copy.subject,
    text: [...copy.before, url, `${copy.code}: ${token}`, ...copy.after].join('\n\n') + '\n',
    html: `<!DOCTYPE html><html lang="${language}"><body>
${paragraphs(copy.before)}
<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>
<p>${escapeHtml(copy.code)}: <code>${escapeHtml(token)}</code></p>
${paragraphs(copy.after)}
</body></html>`,
  };
}
