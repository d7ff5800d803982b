import { badInput } from '@link-archive/core';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';

// obscenity covers English (and sees through leetspeak and separators); Korean has no such dataset, so the
// common insults and their spaced or jamo-split spellings are listed here
const english = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const KOREAN_PROFANITY =
  /(시\s*발|씨\s*발|ㅅ\s*ㅂ|ㅆ\s*ㅂ|병\s*신|ㅂ\s*ㅅ|개\s*새\s*끼|좆|지\s*랄|닥\s*쳐|꺼\s*져|미\s*친\s*놈|미\s*친\s*년)/u;

const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;
const MAX_LINKS = 2;
/** One character (or one emoji) more than this many times in a row. */
const REPEATED = /(.)\1{9,}/u;
const SPAM_PHRASES = [
  /\bbuy now\b/i,
  /\bclick here\b/i,
  /\bfree money\b/i,
  /\bcheap (viagra|cialis|pills)\b/i,
  /\bwork from home\b.*\$\d/i,
  /\b(crypto|bitcoin) (giveaway|doubl)/i,
  /\bcasino\b.*\bbonus\b/i,
  /(카지노|바카라|토토사이트|먹튀검증|대출\s*상담|무료\s*머니|수익\s*보장)/u,
  /(텔레그램|카톡)\s*(문의|ID|아이디)/iu,
];

/** Why a text a person wrote may not be published, or null when it may. */
export function moderationProblem(text: string): string | null {
  if (english.hasMatch(text) || KOREAN_PROFANITY.test(text)) return 'contains profanity';
  if ((text.match(URL)?.length ?? 0) > MAX_LINKS) return `contains more than ${MAX_LINKS} links`;
  if (REPEATED.test(text)) return 'repeats a character too often';
  if (SPAM_PHRASES.some((p) => p.test(text))) return 'looks like spam';
  return null;
}

/** Refuses flagged text with BAD_USER_INPUT naming the field. */
export function moderate(field: string, text: string): void {
  const problem = moderationProblem(text);
  if (problem) throw badInput(field, `${field} ${problem}`);
}
