import { randomUUID } from 'node:crypto';
import { reviewAnalysisQueue } from '@link-archive/queues';
import { Job } from 'bullmq';
import {
  apiError,
  completion,
  startOpenAiServer,
  type OpenAiReply,
  type OpenAiServer,
} from '@link-archive/testkit';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ThumbnailAssets } from '@link-archive/media-domain';
import { reconcile } from '../schedules/reconciler';
import { startPipelineHarness, type PipelineHarness } from '../../test/pipeline-harness';

const opened: { close: () => Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(opened.map((o) => o.close()));
});

async function withModel(replies: OpenAiReply[], env: Record<string, string> = {}) {
  const model: OpenAiServer = await startOpenAiServer(replies);
  const harness: PipelineHarness = await startPipelineHarness(
    'review-analysis',
    { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: model.baseURL, OPENAI_MODEL: 'test-model', ...env },
    ['review-analysis'],
  );
  opened.push(harness, model);
  return { model, harness };
}

interface AnalysedRow {
  sentiment: string | null;
  sentiment_score: number | null;
  keywords: string[];
  language: string | null;
  analysed_by: string | null;
  revision: number;
}

/**
 * A review row and its link's projection as the review subgraph writes them. Written without an outbox event
 * and dated ahead, so the test stack's own consumer and reconciler leave it to this harness's processor.
 */
async function reviewFixture(h: PipelineHarness, body: string, rating = 3) {
  const linkId = randomUUID();
  const ownerId = randomUUID();
  const authorId = randomUUID();
  await h.deps.db.query(
    `INSERT INTO review.link_access (link_id, owner_id, visibility, as_of, owner_plan, title)
     VALUES ($1, $2, 'PUBLIC', now(), 'PREMIUM', 'Cafe Fixture')`,
    [linkId, ownerId],
  );
  const { rows } = await h.deps.db.query<{ id: string }>(
    `INSERT INTO review.reviews (link_id, author_id, rating, body, updated_at)
     VALUES ($1, $2, $3, $4, now() + interval '10 minutes') RETURNING id`,
    [linkId, authorId, rating, body],
  );
  const reviewId = rows[0]!.id;
  return { reviewId, linkId, ownerId, authorId };
}

async function analysedRow(h: PipelineHarness, reviewId: string): Promise<AnalysedRow> {
  return vi.waitFor(
    async () => {
      const { rows } = await h.deps.db.query<AnalysedRow & { analysed_at: Date | null }>(
        'SELECT sentiment, sentiment_score, keywords, language, analysed_by, revision, analysed_at FROM review.reviews WHERE id = $1',
        [reviewId],
      );
      expect(rows[0]!.analysed_at).not.toBeNull();
      return rows[0]!;
    },
    { timeout: 10_000, interval: 50 },
  );
}

/** What the processor returned for a job, once it finished (read from the job itself: no event to miss). */
async function outcome(h: PipelineHarness, job: Job): Promise<unknown> {
  const queue = h.deps.enqueuer.queue(job.queueName);
  return vi.waitFor(
    async () => {
      const current = await Job.fromId(queue, job.id!);
      expect(current?.finishedOn).toBeTruthy();
      return current!.returnvalue;
    },
    { timeout: 10_000, interval: 50 },
  );
}

const answer = (o: Record<string, unknown>) => completion(JSON.stringify(o));

describe('review analysis with a model', () => {
  it('asks for structured output and stores its sentiment and keywords; NEGATIVE tells the owner', async () => {
    const { model, harness } = await withModel([
      answer({ sentiment: 'NEGATIVE', score: -0.8, keywords: ['Service', 'wait time'], language: 'en' }),
    ]);
    const review = await reviewFixture(harness, 'We waited an hour and nobody apologised.', 2);
    await harness.deps.enqueuer.enqueue(reviewAnalysisQueue, { reviewId: review.reviewId, revision: 1 });
    expect(await analysedRow(harness, review.reviewId)).toMatchObject({
      sentiment: 'NEGATIVE',
      sentiment_score: -0.8,
      keywords: ['service', 'wait time'],
      language: 'en',
      analysed_by: 'AI',
    });
    expect(model.requests[0]).toMatchObject({
      path: '/v1/chat/completions',
      model: 'test-model',
      response_format: { type: 'json_schema', json_schema: { name: 'review_analysis', strict: true } },
    });
    expect(JSON.stringify(model.requests[0])).toContain('nobody apologised');
    const { rows } = await harness.deps.db.query(
      `SELECT payload FROM review.outbox WHERE name = 'review.negative' AND payload->>'reviewId' = $1`,
      [review.reviewId],
    );
    expect(rows[0]!.payload).toMatchObject({ linkOwnerId: review.ownerId, authorId: review.authorId });
  });

  it('waits out a 429 and uses the answer that follows', async () => {
    const { model, harness } = await withModel([
      apiError(429, 'slow down', { 'retry-after-ms': '50' }),
      answer({ sentiment: 'POSITIVE', score: 0.9, keywords: ['espresso'], language: 'en' }),
    ]);
    const review = await reviewFixture(harness, 'The espresso here is superb.', 5);
    await harness.deps.enqueuer.enqueue(reviewAnalysisQueue, { reviewId: review.reviewId, revision: 1 });
    expect(await analysedRow(harness, review.reviewId)).toMatchObject({
      sentiment: 'POSITIVE',
      analysed_by: 'AI',
    });
    expect(model.requests).toHaveLength(2);
  });

  it('falls back to the local analyser on malformed answers', async () => {
    for (const bad of [
      completion('not json'),
      answer({ sentiment: 'GREAT', score: 2, keywords: [], language: 'en' }),
      answer({ mood: 'NEGATIVE' }),
    ]) {
      const { harness } = await withModel([bad]);
      const review = await reviewFixture(harness, '최악이에요. 다시는 안 가요', 1);
      await harness.deps.enqueuer.enqueue(reviewAnalysisQueue, { reviewId: review.reviewId, revision: 1 });
      expect(await analysedRow(harness, review.reviewId)).toMatchObject({
        sentiment: 'NEGATIVE',
        language: 'ko',
        analysed_by: 'HEURISTIC',
      });
    }
  });

  it("uses the local analyser without calling the model once the owner's plan has no calls left", async () => {
    const { model, harness } = await withModel(
      [answer({ sentiment: 'NEUTRAL', score: 0, keywords: ['x'], language: 'en' })],
      {
        AI_DAILY_QUOTA_PREMIUM: '0',
      },
    );
    const review = await reviewFixture(harness, 'Lovely staff and great cakes.', 5);
    await harness.deps.enqueuer.enqueue(reviewAnalysisQueue, { reviewId: review.reviewId, revision: 1 });
    expect(await analysedRow(harness, review.reviewId)).toMatchObject({
      sentiment: 'POSITIVE',
      analysed_by: 'HEURISTIC',
    });
    expect(model.requests).toHaveLength(0);
  });

  it('ignores a job for an older revision, and a repeated job changes nothing', async () => {
    const { model, harness } = await withModel([
      answer({ sentiment: 'POSITIVE', score: 0.5, keywords: ['cake'], language: 'en' }),
    ]);
    const review = await reviewFixture(harness, 'Nice cake.', 4);
    await harness.deps.db.query('UPDATE review.reviews SET revision = 2 WHERE id = $1', [review.reviewId]);
    const stale = await harness.deps.enqueuer.enqueue(reviewAnalysisQueue, {
      reviewId: review.reviewId,
      revision: 1,
    });
    expect(await outcome(harness, stale)).toBe('superseded');
    const current = await harness.deps.enqueuer.enqueue(reviewAnalysisQueue, {
      reviewId: review.reviewId,
      revision: 2,
    });
    expect(await analysedRow(harness, review.reviewId)).toMatchObject({ revision: 2, keywords: ['cake'] });
    await current.remove().catch(() => {});
    const again = await harness.deps.enqueuer.enqueue(reviewAnalysisQueue, {
      reviewId: review.reviewId,
      revision: 2,
    });
    expect(await outcome(harness, again)).toBe('finished');
    expect(model.requests).toHaveLength(1);
  });

  it('queues the analysis again when Redis lost it (the reconciler)', async () => {
    const { harness } = await withModel([
      answer({ sentiment: 'POSITIVE', score: 0.7, keywords: ['tea'], language: 'en' }),
    ]);
    const review = await reviewFixture(harness, 'Lovely tea.', 5);
    // the fixture is dated ten minutes ahead (see reviewFixture): a window reaching past it finds it
    const requeued = await reconcile(
      harness.deps.db,
      harness.deps.enqueuer,
      new ThumbnailAssets(harness.deps.transaction),
      -15 * 60_000,
    );
    expect(requeued).toBeGreaterThanOrEqual(1);
    expect(await analysedRow(harness, review.reviewId)).toMatchObject({
      sentiment: 'POSITIVE',
      keywords: ['tea'],
    });
  });
});
