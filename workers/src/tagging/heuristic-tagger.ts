import { eng, kor } from 'stopword';

export interface TaggableText {
  title?: string | null;
  description?: string | null;
  text?: string | null;
}

// common adverbs the stop-word lists miss
const EXTRA_STOP_WORDS = [
  'http',
  'https',
  'www',
  'com',
  '가장',
  '정말',
  '매우',
  '아주',
  '너무',
  '많이',
  '다시',
  '그냥',
  '오늘',
];
const STOP_WORDS = new Set([...eng, ...kor, ...EXTRA_STOP_WORDS]);
// Korean particles (josa) attach to nouns: "맛집을" is the tag "맛집". Particles of two or more syllables
// are stripped always; one-syllable ones only when the text also has the bare word, since "떡볶이" ends in 이.
const LONG_JOSA = /(에서는|에서도|으로는|에게서|까지는|에서|에게|으로|부터|까지|처럼|보다|이나|이랑|하고)$/u;
const SHORT_JOSA = /(은|는|이|가|을|를|의|에|와|과|도|로|만|랑)$/u;
const HANGUL = /\p{Script=Hangul}/u;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
// scripts written without spaces between words need a dictionary-based segmenter
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * Words of a text, lower-cased. A regular expression splits spaced scripts (Latin, Hangul, …), which is
 * what most text is and an order of magnitude faster; Intl.Segmenter only sees runs of unspaced scripts.
 */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.toLowerCase().matchAll(WORD)) {
    if (!UNSPACED.test(run)) {
      out.push(run);
      continue;
    }
    for (const { segment, isWordLike } of segmenter.segment(run)) if (isWordLike) out.push(segment);
  }
  return out;
}

function stem(word: string, bare: Set<string>): string {
  if (!HANGUL.test(word) || word.length <= 2) return word;
  const long = word.replace(LONG_JOSA, '');
  if (long !== word && long.length >= 2) return long;
  const short = word.replace(SHORT_JOSA, '');
  return short !== word && bare.has(short) ? short : word;
}

function keep(word: string): boolean {
  const minLength = HANGUL.test(word) || UNSPACED.test(word) ? 2 : 3;
  return word.length >= minLength && word.length <= 40 && !/^\p{N}+$/u.test(word) && !STOP_WORDS.has(word);
}

/**
 * Tags without a model: the most frequent content words (English and Korean stop-words removed), the
 * title counting three times. Used offline, without an API key, and over the AI quota.
 */
export function heuristicTags(input: TaggableText, max = 5): string[] {
  const parts: [string[], number][] = [
    [tokens(input.title ?? ''), 3],
    [tokens(input.description ?? ''), 2],
    [tokens(input.text?.slice(0, 20_000) ?? ''), 1],
  ];
  const bare = new Set(parts.flatMap(([words]) => words));
  const scores = new Map<string, number>();
  for (const [words, weight] of parts) {
    for (const word of words.map((w) => stem(w, bare)).filter(keep)) {
      scores.set(word, (scores.get(word) ?? 0) + weight);
    }
  }
  return [...scores.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([word]) => word);
}
