import type { CrawledPage } from './crawled-page';

export type UntaggablePage = 'CHALLENGE_PAGE' | 'LOGIN_REQUIRED' | 'ERROR_PAGE';

const CHALLENGE =
  /^(just a moment|attention required|access denied|are you a robot|verify you are human|security check|ddos-guard|pardon our interruption)(?![\p{L}\p{N}])/iu;
const CHALLENGE_TEXT = /(enable javascript and cookies to continue|checking your browser|cf-chl|captcha)/i;
const LOGIN = /^(log ?in|sign ?in|login required|로그인|ログイン)(?![\p{L}\p{N}])/iu;
const ERROR =
  /^(404|page not found|not found|error|500|internal server error|페이지를 찾을 수 없습니다)(?![\p{L}\p{N}])/iu;

/**
 * Bot challenges, login walls and soft error pages answer 200 but describe nothing the owner saved:
 * their text must not become tags or a card.
 */
export function untaggable(page: CrawledPage): UntaggablePage | null {
  if (page.kind === 'DOCUMENT' || page.kind === 'IMAGE') return null;
  const title = page.title?.trim() ?? '';
  const shortText = page.text.length < 1_500;
  if (CHALLENGE.test(title) || (shortText && CHALLENGE_TEXT.test(page.text))) return 'CHALLENGE_PAGE';
  if (LOGIN.test(title) && shortText) return 'LOGIN_REQUIRED';
  if (ERROR.test(title) && shortText) return 'ERROR_PAGE';
  return null;
}
