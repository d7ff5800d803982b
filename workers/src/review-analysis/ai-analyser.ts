import type { ChatJson } from '@link-archive/ai';
import type { ReviewAnalysis } from '@link-archive/review-domain';
import { z } from 'zod';

export interface ReviewText {
  body: string;
  rating: number;
  /** What was reviewed, for keywords that name its parts ("crust", not "pizza"). */
  subject: string | null;
}

const ANALYSIS_ANSWER = {
  name: 'review_analysis',
  schema: {
    type: 'object',
    properties: {
      sentiment: { type: 'string', enum: ['POSITIVE', 'NEUTRAL', 'NEGATIVE'] },
      score: { type: 'number' },
      keywords: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 5 },
      language: { type: 'string' },
    },
    required: ['sentiment', 'score', 'keywords', 'language'],
    additionalProperties: false,
  },
  parse: z.object({
    sentiment: z.enum(['POSITIVE', 'NEUTRAL', 'NEGATIVE']),
    score: z.number().min(-1).max(1),
    keywords: z.array(z.string().trim().min(1).max(50)).min(1).max(8),
    language: z.string().trim().min(2).max(12),
  }),
  maxTokens: 200,
};

const BODY_CHARS = 4_000;

/** Sentiment, score and 1-5 topic keywords of one review from a Chat Completions model. */
export async function aiAnalysis(chat: ChatJson, review: ReviewText): Promise<ReviewAnalysis> {
  const answer = await chat.ask(
    [
      {
        role: 'system',
        content:
          'You analyse customer reviews. Answer with JSON {"sentiment": "POSITIVE"|"NEUTRAL"|"NEGATIVE", ' +
          '"score": number from -1 (very negative) to 1 (very positive), "keywords": 1 to 5 short topics the ' +
          'review talks about, lower-case, in the language of the review, "language": its ISO 639-1 code}. ' +
          'Judge the words; the star rating is only a hint.',
      },
      {
        role: 'user',
        content: [
          `Reviewed: ${review.subject ?? 'unknown'}`,
          `Stars: ${review.rating}/5`,
          `Review: ${review.body.slice(0, BODY_CHARS)}`,
        ].join('\n'),
      },
    ],
    ANALYSIS_ANSWER,
  );
  // a score that contradicts the label is brought to the label's side
  const score =
    answer.sentiment === 'POSITIVE'
      ? Math.max(answer.score, 0.2)
      : answer.sentiment === 'NEGATIVE'
        ? Math.min(answer.score, -0.2)
        : Math.max(-0.19, Math.min(0.19, answer.score));
  return {
    sentiment: answer.sentiment,
    score,
    keywords: answer.keywords.slice(0, 5),
    language: answer.language.toLowerCase().split(/[-_]/)[0]!.slice(0, 8),
    analysedBy: 'AI',
  };
}
