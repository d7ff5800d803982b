import { detect } from 'tinyld';

/** Languages with their own lexicon and reply template; others are analysed and answered in English. */
export const REVIEW_LANGUAGES = ['en', 'ko'] as const;
export type ReviewLanguage = (typeof REVIEW_LANGUAGES)[number];

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/g;
const LETTERS = /\p{L}/gu;

/** The review's language (BCP 47 primary tag): Korean by its script, others by tinyld; null when unsure. */
export function detectLanguage(text: string): string | null {
  const letters = text.match(LETTERS)?.length ?? 0;
  if (!letters) return null;
  // a Korean review often carries a few Latin brand names; the script that dominates decides
  if ((text.match(HANGUL)?.length ?? 0) / letters > 0.3) return 'ko';
  return detect(text) || null;
}

/** The language a lexicon or template exists for, English otherwise. */
export const supportedLanguage = (language: string | null): ReviewLanguage =>
  language === 'ko' ? 'ko' : 'en';
