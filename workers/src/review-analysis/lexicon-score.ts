export interface LexiconScore {
  score: number;
  /** The opinion words found, for keyword extraction to leave out. */
  matched: string[];
}

/**
 * A text's opinion where it turns (but, however; -지만, 근데): the clause after the first turn weighs more than
 * the one before it ("pricey, but excellent" is praise).
 */
export function scoreWithTurn(
  text: string,
  turn: RegExp,
  clauseScore: (clause: string) => LexiconScore,
): LexiconScore {
  const found = turn.exec(text);
  if (!found) return clauseScore(text);
  const before = clauseScore(text.slice(0, found.index));
  const after = clauseScore(text.slice(found.index + found[0].length));
  return { score: before.score * 0.6 + after.score * 1.4, matched: [...before.matched, ...after.matched] };
}
