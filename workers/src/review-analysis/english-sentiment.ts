import Sentiment from 'sentiment';
import { scoreWithTurn, type LexiconScore } from './lexicon-score';

/**
 * AFINN-165 (the `sentiment` package, which also negates a word after "not", "don't", …) with the words
 * reviews use that AFINN lacks or weighs for another domain.
 */
const REVIEW_WORDS: Record<string, number> = {
  tasty: 3,
  yummy: 3,
  flavorful: 3,
  flavourful: 3,
  cozy: 2,
  cosy: 2,
  comfy: 2,
  comfortable: 2,
  sturdy: 2,
  spotless: 3,
  attentive: 2,
  knowledgeable: 2,
  reasonable: 1,
  affordable: 2,
  fresh: 2,
  crispy: 1,
  juicy: 2,
  professional: 2,
  prompt: 1,
  reliable: 2,
  durable: 2,
  gem: 3,
  superb: 3,
  gorgeous: 3,
  immaculate: 3,
  overpriced: -2,
  bland: -2,
  stale: -2,
  soggy: -2,
  greasy: -1,
  mediocre: -2,
  meh: -0.5,
  underwhelming: -2,
  overcooked: -2,
  undercooked: -2,
  burnt: -2,
  lukewarm: -1,
  tasteless: -2,
  flimsy: -2,
  defective: -3,
  broken: -2,
  broke: -1,
  ripoff: -3,
  overrated: -2,
  rude: -3,
  filthy: -3,
  dirty: -2,
  noisy: -1,
  cramped: -1,
  slow: -1,
  cold: -1,
  smelly: -2,
  sticky: -1,
  cheaply: -2,
  refund: -1,
  unprofessional: -3,
  inedible: -4,
  undrinkable: -3,
  disgusting: -4,
  worst: -4,
  fine: 0.5,
  okay: 0,
  ok: 0,
  decent: 1,
  average: 0,
  returned: -1,
  // topic words AFINN scores that reviews use neutrally ("the quality", "the price")
  quality: 0,
  sweet: 0,
  incredible: 3,
  condescending: -2,
  crash: -2,
  crashes: -2,
  crashed: -2,
  leaks: -2,
  leaking: -2,
  unprepared: -2,
  late: -1,
};

/** Phrases the word-by-word score misses. */
const PHRASES: [RegExp, number][] = [
  [/\b(won'?t|will not|never|not) (be )?((coming|going) back|back|returning)\b/g, -3],
  [/\bnever again\b/g, -3],
  [/\b(will|would|can'?t wait to|definitely) (definitely )?(come|go|be) back\b/g, 3],
  [/\bcoming back\b/g, 2],
  [/\bwaste of (money|time)\b/g, -3],
  [/\brip[- ]off\b/g, -3],
  [/\bnothing special\b/g, -2],
  [/\bnot worth\b/g, -3],
  [/\bworth (it|every|the)\b/g, 2],
  [/\bfive stars?\b|\b5 stars?\b/g, 3],
  [/\b(one|1|zero|0) stars?\b/g, -3],
  [/\bstopped working\b|\bfell apart\b|\bdoes ?n[o']t work\b|\bdidn'?t work\b/g, -3],
  [/\b(took|waited) (forever|ages)\b/g, -2],
  [/\bhighly recommend/g, 2],
  [/\b(do not|don'?t) waste\b/g, -3],
  [
    /\b(way |far |much )?too (sweet|salty|oily|greasy|spicy|loud|small|expensive|noisy|cold|slow|long|dry|bitter|sour|crowded|pricey)\b/g,
    -2,
  ],
  [/\bexceeded (my |our |all )?expectations\b/g, 3],
  [/\bas expected\b|\bdoes the job\b|\bgets the job done\b/g, 0.5],
];

const CONTRAST = /\b(but|however|though|yet)\b/i;
const analyser = new Sentiment();

function clauseScore(text: string): LexiconScore {
  const lower = text.toLowerCase();
  const result = analyser.analyze(lower, { extras: REVIEW_WORDS });
  let score = result.score;
  for (const [pattern, weight] of PHRASES) score += (lower.match(pattern)?.length ?? 0) * weight;
  return { score, matched: [...result.positive, ...result.negative] };
}

/** An English text's opinion: the clause after "but" or "however" weighs more than the one before it. */
export const englishSentiment = (text: string): LexiconScore => scoreWithTurn(text, CONTRAST, clauseScore);
