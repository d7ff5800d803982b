import { tagQueue } from '@link-archive/queues';
import {
  apiError,
  articleHtml,
  completion,
  html,
  isolatedRedis,
  stack,
  startOpenAiServer,
  startSite,
  type FixtureSite,
  type OpenAiServer,
} from '@link-archive/testkit';
import { createRedis } from '@link-archive/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AiRateLimit } from '@link-archive/ai';
import { startPipelineHarness, type PipelineHarness } from '../../test/pipeline-harness';

let site: FixtureSite;
const opened: { close: () => Promise<void> }[] = [];

const article = (topic: string) =>
  html(
    articleHtml({
      title: `Notes on ${topic}`,
      description: `Everything about ${topic}.`,
      image: '/none.jpg',
      body: `${topic} is the subject of this page. People who care about ${topic} read it twice.`,
    }),
  );

beforeAll(async () => {
  site = await startSite(
    Object.fromEntries(
      ['sourdough', 'espresso', 'origami', 'bonsai', 'pottery', 'knitting', 'cycling'].map((t) => [
        `/${t}`,
        article(t),
      ]),
    ),
    { port: stack().sitePort },
  );
});

afterAll(async () => {
  await Promise.all(opened.map((o) => o.close()));
  await site.close();
});

async function withModel(replies: Parameters<typeof startOpenAiServer>[0], env: Record<string, string> = {}) {
  const model: OpenAiServer = await startOpenAiServer(replies);
  const harness: PipelineHarness = await startPipelineHarness(
    'tag',
    { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: model.baseURL, OPENAI_MODEL: 'test-model', ...env },
    ['crawl', 'tag'],
  );
  opened.push(harness, model);
  return { model, harness };
}

describe('tagging', () => {
  it('gets AI tags from a model that answers 429 first, then 200', async () => {
    const { model, harness } = await withModel([
      apiError(429, 'slow down', { 'retry-after-ms': '50' }),
      completion('{"tags": ["Sour Dough", "#baking", "bread"]}'),
    ]);
    const id = await harness.save(site.url('/sourdough'));
    const row = await harness.waitForLink(id);
    expect(row.status).toBe('READY');
    expect(row.tags).toEqual([
      { name: 'sourdough', source: 'AI', confidence: null },
      { name: 'baking', source: 'AI', confidence: null },
      { name: 'bread', source: 'AI', confidence: null },
    ]);
    expect(model.requests).toHaveLength(2);
    // the model is offered the page and asked for the page's language
    expect(JSON.stringify(model.requests[1])).toContain('Notes on sourdough');
  });

  it('falls back to heuristic tags when the model answers malformed JSON', async () => {
    const { harness } = await withModel([completion('{"tags": oops')]);
    const id = await harness.save(site.url('/espresso'));
    const row = await harness.waitForLink(id);
    expect(row.status).toBe('READY');
    expect(row.tags.length).toBeGreaterThan(0);
    expect(row.tags.every((t) => t.source === 'HEURISTIC')).toBe(true);
    expect(row.tags.map((t) => t.name)).toContain('espresso');
  });

  it('never sends identical content twice', async () => {
    const { model, harness } = await withModel([completion('{"tags": ["paper", "folding", "craft"]}')]);
    const first = await harness.save(site.url('/origami'));
    await harness.waitForLink(first);
    const second = await harness.save(site.url('/origami?again=1'));
    const row = await harness.waitForLink(second);
    expect(row.tags.map((t) => `${t.name}:${t.source}`)).toEqual(['paper:AI', 'folding:AI', 'craft:AI']);
    expect(model.requests).toHaveLength(1);
  });

  it('keeps to the daily quota of the owner plan, then tags heuristically', async () => {
    const { model, harness } = await withModel([completion('{"tags": ["one", "two", "three"]}')], {
      AI_DAILY_QUOTA_FREE: '0',
      AI_DAILY_QUOTA_PREMIUM: '5',
    });
    const free = await harness.save(site.url('/bonsai'), { ownerPlan: 'FREE' });
    const premium = await harness.save(site.url('/pottery'), { ownerPlan: 'PREMIUM' });
    expect((await harness.waitForLink(free)).tags.every((t) => t.source === 'HEURISTIC')).toBe(true);
    expect((await harness.waitForLink(premium)).tags.every((t) => t.source === 'AI')).toBe(true);
    expect(model.requests).toHaveLength(1);
  });

  it("spends no one's calls per minute on an owner past their quota", async () => {
    const { model, harness } = await withModel([completion('{"tags": ["clay", "kiln", "glaze"]}')], {
      AI_CALLS_PER_MINUTE: '1',
      AI_DAILY_QUOTA_FREE: '0',
      AI_DAILY_QUOTA_PREMIUM: '5',
    });
    const free = await Promise.all(['/espresso', '/cycling'].map((p) => harness.save(site.url(p))));
    for (const id of free) {
      expect((await harness.waitForLink(id)).tags.every((t) => t.source === 'HEURISTIC')).toBe(true);
    }
    // the minute's one call is still there for an owner who has quota
    const premium = await harness.save(site.url('/pottery?premium'), { ownerPlan: 'PREMIUM' });
    expect((await harness.waitForLink(premium, undefined, 10_000)).tags.map((t) => t.source)).toEqual([
      'AI',
      'AI',
      'AI',
    ]);
    expect(model.requests).toHaveLength(1);
  });

  it("re-tagging replaces the machine tags and never the owner's", async () => {
    const { harness } = await withModel([completion('{"tags": ["yarn", "Knitting", "wool"]}')]);
    const id = await harness.save(site.url('/knitting'));
    await harness.waitForLink(id);
    // the owner adds their own tag (one the model also chose), then the link is tagged again
    const tags = [
      { name: 'knitting', source: 'USER', confidence: null },
      { name: 'stale', source: 'HEURISTIC', confidence: null },
    ];
    await harness.deps.db.query(
      `UPDATE link.links SET tags = $2::jsonb, status = 'TAGGING', crawl_generation = 2 WHERE id = $1`,
      [id, JSON.stringify(tags)],
    );
    await harness.deps.enqueuer.enqueue(tagQueue, { linkId: id, generation: 2 });
    const row = await harness.waitForLink(id);
    expect(row.tags.map((t) => `${t.name}:${t.source}`)).toEqual(['knitting:USER', 'yarn:AI', 'wool:AI']);
  });

  it('runs a tag job twice with the same result, and ignores a job of an older generation', async () => {
    const { harness } = await withModel([completion('{"tags": ["bike", "road", "training"]}')]);
    const id = await harness.save(site.url('/cycling'));
    const before = await harness.waitForLink(id);
    await harness.deps.enqueuer.queue('tag').remove(`tag-${id}-1`);
    await harness.deps.enqueuer.enqueue(tagQueue, { linkId: id, generation: 1 });
    await harness.deps.enqueuer.enqueue(tagQueue, { linkId: id, generation: 7 });
    await new Promise((r) => setTimeout(r, 500));
    const after = await harness.waitForLink(id);
    expect(after).toEqual(before);
  });
});

describe('AiRateLimit', () => {
  it('lets a minute hold only so many calls across processes, and says how long to wait', async () => {
    const space = isolatedRedis('ai_rate');
    const [a, b] = [createRedis(space.url, space.prefix), createRedis(space.url, space.prefix)];
    try {
      const [limitA, limitB] = [new AiRateLimit(a, 2), new AiRateLimit(b, 2)];
      expect(await limitA.take()).toBe(0);
      expect(await limitB.take()).toBe(0);
      const wait = await limitA.take();
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(60_000);
    } finally {
      a.disconnect();
      b.disconnect();
      await space.cleanup();
    }
  });
});
