import type { MailMessage } from './mailer';
import { tokenMail, type MailLanguage } from './token-mail';

/** The mail that confirms an address, in the account's language. */
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
          before: [
            `${handle}님, 가입해 주셔서 감사합니다.`,
            `아래 링크로 이메일 주소를 확인해 주세요. 링크는 ${hours}시간 동안 유효합니다.`,
          ],
          code: '확인 코드',
          after: [],
        }
      : {
          subject: 'Confirm your e-mail for Link Archive',
          before: [
            `Welcome, ${handle}.`,
            `Confirm this address with the link below; it works for ${hours} hours.`,
          ],
          code: 'Confirmation code',
          after: [],
        };
  return tokenMail(to, language, copy, link, token);
}
