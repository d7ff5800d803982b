import type { MailMessage } from './mailer';
import { tokenMail, type MailLanguage } from './token-mail';

/** The password reset mail in the account's language. */
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
          before: [
            `${handle}님, 안녕하세요.`,
            `비밀번호 재설정을 요청하셨습니다. 아래 링크는 ${minutes}분 동안 한 번만 사용할 수 있습니다.`,
          ],
          code: '재설정 코드',
          after: ['요청하지 않으셨다면 이 메일을 무시하세요. 비밀번호는 바뀌지 않습니다.'],
        }
      : {
          subject: 'Reset your Link Archive password',
          before: [
            `Hello ${handle},`,
            `Someone asked to reset your password. The link below works once, for ${minutes} minutes.`,
          ],
          code: 'Reset code',
          after: ["If it wasn't you, ignore this message: your password stays as it is."],
        };
  return tokenMail(to, language, copy, link, token);
}
