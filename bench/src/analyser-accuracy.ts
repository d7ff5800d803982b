/**
 * The local review analyser (no model) on the hand-labelled short reviews in workers/src/review-analysis/labelled:
 * how many of each language's reviews it calls POSITIVE, NEUTRAL or NEGATIVE as labelled.
 */
import {
  analyseLocally,
  labelledReviews,
  measureAccuracy,
  type Accuracy,
} from '@link-archive/workers/analyser';

type SetName = 'en' | 'ko' | 'en-holdout' | 'ko-holdout';
const SETS: SetName[] = ['en', 'ko', 'en-holdout', 'ko-holdout'];

export function runAnalyserAccuracy(): Record<SetName, Accuracy> {
  return Object.fromEntries(
    SETS.map((set) => [set, measureAccuracy(labelledReviews(set), (text) => analyseLocally(text))]),
  ) as Record<SetName, Accuracy>;
}

export function analyserSection(results: Record<SetName, Accuracy>): string {
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}% (${n}/${d})`;
  const row = (language: string, a: Accuracy) =>
    `| ${language} | ${pct(a.correct, a.total)} | ${['POSITIVE', 'NEUTRAL', 'NEGATIVE']
      .map((l) => pct(a.byLabel[l]?.correct ?? 0, a.byLabel[l]?.total ?? 0))
      .join(' | ')} |`;
  return `## Review analyser accuracy (local, no model)

The lexicon analyser on the hand-labelled short reviews in \`workers/src/review-analysis/labelled/\`
(\`BENCH_ONLY=analyser npm run bench\`). The main sets were written by the same team as the lexicons and used to find
the lexicons' gaps (the first measurement, before any gap was filled, was 87.6% for English and 91.5% for Korean);
the held-out sets were written afterwards and never used to change the lexicons, so they are the fairer figure.

| language | accuracy | POSITIVE | NEUTRAL | NEGATIVE |
|---|---|---|---|---|
${row('English', results.en)}
${row('Korean', results.ko)}
${row('English, held out', results['en-holdout'])}
${row('Korean, held out', results['ko-holdout'])}
`;
}
