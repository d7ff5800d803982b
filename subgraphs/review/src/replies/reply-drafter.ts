import { AiBudget, type ChatJson } from '@link-archive/ai';
import type { Logger, Redis } from '@link-archive/core';
import { detectLanguage, supportedLanguage } from '@link-archive/review-domain';
import { z } from 'zod';
import type { ReviewEnvironment } from '../environment';
import { moderationProblem } from '../moderation/moderate-text';
import { templateReply, toneOf } from './reply-templates';

export interface ReplyContext {
  body: string;
  rating: number;
  sentiment: 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE' | null;
  language: string | null;
  link: {
    ownerId: string;
    ownerPlan: string;
    title: string | null;
    siteName: string | null;
    description: string | null;
  };
}

const REPLY_ANSWER = {
  name: 'reply',
  schema: {
    type: 'object',
    properties: { reply: { type: 'string' } },
    required: ['reply'],
    additionalProperties: false,
  },
  parse: z.object({ reply: z.string().trim().min(1).max(2_000) }),
  maxTokens: 400,
};

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  ko: 'Korean',
  ja: 'Japanese',
  zh: 'Chinese',
  es: 'Spanish',
  fr: 'French',
  de: 'German',
};

function askForReply(chat: ChatJson, review: ReplyContext, language: string) {
  const place = [review.link.title, review.link.siteName].filter(Boolean).join(' — ') || 'the business';
  return chat.ask(
    [
      {
        role: 'system',
        content:
          `You write replies from a business owner to customer reviews. Answer with JSON {"reply": "..."}: a polite, ` +
          `warm reply of at most 80 words in ${LANGUAGE_NAMES[language] ?? `the language with ISO code ${language}`}, ` +
          'thanking the reviewer, answering what they mention, apologising for real problems without promising ' +
          'refunds or compensation. No links, no hashtags, no placeholders.',
      },
      {
        role: 'user',
        content: [
          `Business: ${place}`,
          `About it: ${(review.link.description ?? '').slice(0, 500)}`,
          `Stars: ${review.rating}/5`,
          `Review: ${review.body.slice(0, 3_000)}`,
        ].join('\n'),
      },
    ],
    REPLY_ANSWER,
  );
}

/**
 * Drafts the owner's reply: the model within the owner's AI budget (a person is waiting, so a used-up minute
 * means the template, not a wait), else a template in the review's language and tone. A model draft that would
 * not pass moderation is not offered.
 */
export class ReplyDrafter {
  private readonly budget: AiBudget;

  constructor(redis: Redis, env: ReviewEnvironment, logger: Logger) {
    this.budget = new AiBudget(redis, env, logger);
  }

  async draft(review: ReplyContext): Promise<{ body: string; generatedByAi: boolean }> {
    const language = review.language ?? detectLanguage(review.body) ?? 'en';
    const ai = await this.budget.run(
      'reply',
      { id: review.link.ownerId, plan: review.link.ownerPlan },
      { body: review.body, rating: review.rating, language, link: review.link },
      (chat) => askForReply(chat, review, language),
      { onRateLimit: 'skip' },
    );
    if (ai && !moderationProblem(ai.reply)) return { body: ai.reply, generatedByAi: true };
    const place = review.link.title ?? review.link.siteName;
    return {
      body: templateReply(supportedLanguage(language), toneOf(review.sentiment, review.rating), place),
      generatedByAi: false,
    };
  }
}
