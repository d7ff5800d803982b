import {
  KOREAN_CONTRAST,
  KOREAN_INTENSIFIERS,
  KOREAN_LEXICON,
  KOREAN_POST_NEGATORS,
  KOREAN_PRE_NEGATORS,
} from './korean-lexicon';
import { scoreWithTurn, type LexiconScore } from './lexicon-score';

const ENTRIES = Object.entries(KOREAN_LEXICON).sort((a, b) => b[0].length - a[0].length);

/** Scores one clause: every lexicon stem once (longest first), negated and intensified by its neighbours. */
function clauseScore(text: string): LexiconScore {
  const taken = new Array<boolean>(text.length).fill(false);
  let score = 0;
  const matched: string[] = [];
  for (const [stem, weight] of ENTRIES) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(stem, from);
      if (at < 0) break;
      from = at + stem.length;
      if (taken.slice(at, at + stem.length).some(Boolean)) continue;
      taken.fill(true, at, at + stem.length);
      matched.push(stem);
      const before = text.slice(Math.max(0, at - 4), at);
      const after = text.slice(at + stem.length, at + stem.length + 8);
      const negated =
        KOREAN_PRE_NEGATORS.some((n) => before.endsWith(n)) && !stem.startsWith('안')
          ? true
          : KOREAN_POST_NEGATORS.test(after);
      const intensified = KOREAN_INTENSIFIERS.some((w) =>
        text.slice(Math.max(0, at - w.length - 1), at).includes(w),
      );
      let value = weight * (intensified ? 1.5 : 1);
      // a negated complaint is mild praise (나쁘지 않아요), a negated praise a full complaint (좋지 않아요)
      if (negated) value = value > 0 ? -value : -value * 0.5;
      score += value;
    }
  }
  return { score, matched };
}

/** A Korean text's opinion: the clause after a turn (지만, 근데, 하지만) weighs more than the one before it. */
export const koreanSentiment = (text: string): LexiconScore =>
  scoreWithTurn(text, KOREAN_CONTRAST, clauseScore);
