import type { MailMessage } from './mailer';

export type MailLanguage = 'en' | 'ko';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The password reset mail in the account's language, plain text and HTML. */
export function passwordResetMessage(
  to: string,
  language: MailLanguage,
  input: { handle: string; token: string; link: string; minutes: number },
): MailMessage {
  const { handle, token, link, minutes } = input;
  const copy =
    language === 'ko'
      ? {
          subject: 'Link Archive 비밀번호 재설정',
          greeting: `${handle}님, 안녕하세요.`,
          body: `비밀번호 재설정을 요청하셨습니다. 아래 링크는 ${minutes}분 동안 한 번만 사용할 수 있습니다.`,
          code: '재설정 코드',
          ignore: '요청하지 않으셨다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다.',
        }
      : {
          subject: 'Reset your Link Archive password',
          greeting: `Hello ${handle},`,
          body: `Someone asked to reset your password. The link below works once, for ${minutes} minutes.`,
          code: 'Reset code',
          ignore: "If it wasn't you, ignore this message: your password stays as it is.",
        };
  const url = `${link}${link.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
  return {
    to,
    subject: copy.subject,
    text: `${copy.greeting}\n\n${copy.body}\n\n${url}\n\n${copy.code}: ${token}\n\n${copy.ignore}\n`,
    html: `<!DOCTYPE html><html lang="${language}"><body>
<p>${escapeHtml(copy.greeting)}</p>
<p>${escapeHtml(copy.body)}</p>
<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>
<p>${escapeHtml(copy.code)}: <code>${escapeHtml(token)}</code></p>
<p>${escapeHtml(copy.ignore)}</p>
</body></html>`,
  };
}
