import { createLogger } from '@link-archive/core';
import {
  apiError,
  completion,
  isolatedRedis,
  startOpenAiServer,
  type OpenAiReply,
} from '@link-archive/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { reviewEnvironment } from '../environment';
import { ReplyDrafter, type ReplyContext } from './reply-drafter';

const redis = isolatedRedis('reply-drafter');
const closing: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(closing.map((c) => c()));
  await redis.cleanup();
});

const env = (extra: Record<string, string> = {}) =>
  reviewEnvironment.parse({ DATABASE_URL: 'postgres://unused', GATEWAY_SECRET: 'x'.repeat(32), ...extra });

async function drafterWithModel(replies: OpenAiReply[], extra: Record<string, string> = {}) {
  const model = await startOpenAiServer(replies);
  closing.push(model.close);
  const drafter = new ReplyDrafter(
    redis.client(),
    env({ OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: model.baseURL, OPENAI_MODEL: 'test-model', ...extra }),
    createLogger('test', 'silent'),
  );
  return { drafter, model };
}

let owner = 0;
/** A review on a fresh owner's link each time, so no answer comes from another test's cache or quota. */
const review = (body: string, rating: number, sentiment: ReplyContext['sentiment'] = null): ReplyContext => ({
  body,
  rating,
  sentiment,
  language: null,
  link: {
    ownerId: `00000000-0000-4000-8000-${String(++owner).padStart(12, '0')}`,
    ownerPlan: 'BASIC',
    title: 'Cafe Fixture',
    siteName: 'Fixture Maps',
    description: 'A small cafe near the station.',
  },
});

describe('reply drafts', () => {
  it("asks the model for a reply in the review's language, about the link", async () => {
    const { drafter, model } = await drafterWithModel([
      completion(JSON.stringify({ reply: '소중한 리뷰 감사합니다. 커피를 즐겨 주셔서 기쁩니다!' })),
    ]);
    const draft = await drafter.draft(review('커피가 정말 맛있어요', 5));
    expect(draft).toEqual({
      body: '소중한 리뷰 감사합니다. 커피를 즐겨 주셔서 기쁩니다!',
      generatedByAi: true,
    });
    const request = JSON.stringify(model.requests[0]);
    expect(request).toContain('Korean');
    expect(request).toContain('Cafe Fixture');
    expect(model.requests[0]).toMatchObject({
      response_format: { type: 'json_schema', json_schema: { name: 'reply' } },
    });
  });

  it('waits out a 429 with its Retry-After and uses the answer after it', async () => {
    const { drafter, model } = await drafterWithModel([
      apiError(429, 'slow down', { 'retry-after-ms': '50' }),
      completion(JSON.stringify({ reply: 'Thank you for visiting!' })),
    ]);
    expect(await drafter.draft(review('Great coffee', 5))).toEqual({
      body: 'Thank you for visiting!',
      generatedByAi: true,
    });
    expect(model.requests).toHaveLength(2);
  });

  it('offers the template when the answer is malformed or would not pass moderation', async () => {
    for (const bad of [
      completion('Dear customer, thanks'),
      completion(JSON.stringify({ text: 'Thanks' })),
      completion(JSON.stringify({ reply: 'Thanks, you idiot. Fuck off.' })),
    ]) {
      const { drafter } = await drafterWithModel([bad]);
      const draft = await drafter.draft(review('최악이에요. 다시는 안 가요', 1, 'NEGATIVE'));
      expect(draft.generatedByAi).toBe(false);
      expect(draft.body).toMatch(/죄송/);
    }
  });

  it("offers the template at once when the minute's calls are used up (a person is waiting)", async () => {
    const { drafter, model } = await drafterWithModel([completion(JSON.stringify({ reply: 'x' }))], {
      AI_CALLS_PER_MINUTE: '0',
    });
    const draft = await drafter.draft(review('Lovely staff', 5, 'POSITIVE'));
    expect(draft).toMatchObject({ generatedByAi: false });
    expect(draft.body).toMatch(/^Thank you so much/);
    expect(model.requests).toHaveLength(0);
  });

  it('without a model, picks the template by language and tone (stars before the analysis is in)', async () => {
    const drafter = new ReplyDrafter(redis.client(), env(), createLogger('test', 'silent'));
    const english = await drafter.draft(review('Cold food and a long wait.', 1));
    expect(english.body).toMatch(/sorry Cafe Fixture fell short/);
    expect((await drafter.draft(review('그냥 그래요', 3))).body).toMatch(/리뷰 남겨 주셔서 감사합니다/);
    expect((await drafter.draft(review('Nice place.', 4))).body).toMatch(
      /delighted you enjoyed Cafe Fixture/,
    );
  });
});
