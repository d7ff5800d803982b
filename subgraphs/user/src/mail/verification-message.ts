import type { MailMessage } from './mailer';
import type { MailLanguage } from './password-reset-message';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The mail that confirms an address, in the account's language, plain text and HTML. */
export function verificationMessage(
  to: string,
  language: MailLanguage,
  input: { handle: string; token: string; link: string; hours: number },
): MailMessage {
  const { handle, token, link, hours } = input;
  const copy =
    language === 'ko'
      ? {
          subject: 'Link Archive 이메일 주소 확인',
          greeting: `${handle}님, 가입해 주셔서 감사합니다.`,
          body: `아래 링크로 이메일 주소를 확인해 주세요. 링크는 ${hours}시간 동안 유효합니다.`,
          code: '확인 코드',
        }
      : {
          subject: 'Confirm your e-mail for Link Archive',
          greeting: `Welcome, ${handle}.`,
          body: `Confirm this address with the link below; it works for ${hours} hours.`,
          code: 'Confirmation code',
        };
  const url = `${link}${link.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
  return {
    to,
    subject: copy.subject,
    text: `${copy.greeting}\n\n${copy.body}\n\n${url}\n\n${copy.code}: ${token}\n`,
    html: `<!DOCTYPE html><html lang="${language}"><body>
<p>${escapeHtml(copy.greeting)}</p>
<p>${escapeHtml(copy.body)}</p>
<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>
<p>${escapeHtml(copy.code)}: <code>${escapeHtml(token)}</code></p>
</body></html>`,
  };
}
