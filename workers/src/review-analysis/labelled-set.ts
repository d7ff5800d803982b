import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReviewAnalysis } from '@link-archive/review-domain';

export interface LabelledReview {
  label: ReviewAnalysis['sentiment'];
  text: string;
}

/**
 * The hand-labelled short reviews the local analyser is measured on (labelled/en.tsv, labelled/ko.tsv: the
 * label, a tab, the text; the -holdout sets were written after the lexicons and never used to change them). Read
 * from the source tree, which tests and `npm run bench` both run in.
 */
export function labelledReviews(
  language: 'en' | 'ko' | 'en-holdout' | 'ko-holdout',
  root = join(__dirname, '..', '..', '..'),
): LabelledReview[] {
  const file = join(root, 'workers', 'src', 'review-analysis', 'labelled', `${language}.tsv`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const [label, text] = line.split('\t');
      if (label !== 'POSITIVE' && label !== 'NEUTRAL' && label !== 'NEGATIVE')
        throw new Error(`bad label: ${line}`);
      return { label, text: text! };
    });
}

export interface Accuracy {
  total: number;
  correct: number;
  accuracy: number;
  /** Each label: how many of its reviews were called right. */
  byLabel: Record<string, { total: number; correct: number }>;
  wrong: { text: string; label: string; got: string }[];
}

export function measureAccuracy(set: LabelledReview[], analyse: (text: string) => ReviewAnalysis): Accuracy {
  const byLabel: Accuracy['byLabel'] = {};
  const wrong: Accuracy['wrong'] = [];
  for (const { label, text } of set) {
    const got = analyse(text).sentiment;
    const entry = (byLabel[label] ??= { total: 0, correct: 0 });
    entry.total++;
    if (got === label) entry.correct++;
    else wrong.push({ text, label, got });
  }
  const correct = set.length - wrong.length;
  return { total: set.length, correct, accuracy: correct / set.length, byLabel, wrong };
}
