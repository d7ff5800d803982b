import { detectLanguage, supportedLanguage, type ReviewAnalysis } from '@link-archive/review-domain';
import { englishSentiment } from './english-sentiment';
import { koreanSentiment } from './korean-sentiment';
import { reviewKeywords } from './review-keywords';

/** Below this in either direction a review reads NEUTRAL. */
export const NEUTRAL_BAND = 0.2;

/**
 * The local analyser (no model): lexicon sentiment for English and Korean (other languages through the English
 * lexicon), squashed to -1..1, and topic keywords. The star rating speaks only when the words say nothing.
 */
export function analyseLocally(body: string, rating: number | null = null): ReviewAnalysis {
  const detected = detectLanguage(body);
  const language = supportedLanguage(detected);
  const lexical = language === 'ko' ? koreanSentiment(body) : englishSentiment(body);
  let score = Math.tanh(lexical.score / 4);
  if (lexical.score === 0 && rating !== null) score = ((rating - 3) / 2) * 0.5;
  const sentiment = score >= NEUTRAL_BAND ? 'POSITIVE' : score <= -NEUTRAL_BAND ? 'NEGATIVE' : 'NEUTRAL';
  return {
    sentiment,
    score,
    keywords: keywordsOrOpinion(reviewKeywords(body, language, lexical.matched), lexical.matched, language),
    language: detected,
    analysedBy: 'HEURISTIC',
  };
}

/** Korean stems that end where an adjective or verb does take 다 to read as a word (맛있 → 맛있다). */
const PREDICATE_STEM = /(있|없|럽|러|겁|거|쁘|뻐|좋|하|지|기|리|나|빠|르|라|끗|끔|싶|갈|올|오|가)$/;

/** A review with no topic word still gets one keyword: its strongest opinion, as a word. */
function keywordsOrOpinion(keywords: string[], opinions: string[], language: 'en' | 'ko'): string[] {
  if (keywords.length || !opinions.length) return keywords;
  const first = opinions[0]!;
  if (language !== 'ko') return [first];
  return [first.includes(' ') ? first : PREDICATE_STEM.test(first) ? `${first}다` : first];
}
