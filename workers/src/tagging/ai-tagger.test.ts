import { apiError as error, completion, startOpenAiServer, type OpenAiServer } from '@link-archive/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { AiCallError, ChatJson } from '@link-archive/ai';
import { aiTags } from './ai-tagger';

const servers: OpenAiServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function openAiServer(replies: Parameters<typeof startOpenAiServer>[0]) {
  const server = await startOpenAiServer(replies);
  servers.push(server);
  const chat = new ChatJson({
    apiKey: 'test-key',
    baseURL: server.baseURL,
    model: 'test-model',
    maxRetries: 2,
  });
  const tagger = { tags: (input: typeof page) => aiTags(chat, input) };
  return { tagger, requests: server.requests };
}

const page = {
  title: 'Ad tech weekly',
  description: 'News',
  text: 'Programmatic ads',
  language: 'en',
  existingTags: ['adtech'],
};

describe('AI tags', () => {
  it('asks for structured output and returns the tags', async () => {
    const { tagger, requests } = await openAiServer([
      completion('{"tags": ["adtech", "#advertising", "news"]}'),
    ]);
    expect(await tagger.tags(page)).toEqual(['adtech', 'advertising', 'news']);
    expect(requests[0]).toMatchObject({
      path: '/v1/chat/completions',
      model: 'test-model',
      response_format: { type: 'json_schema', json_schema: { name: 'tags', strict: true } },
    });
    expect(JSON.stringify(requests[0])).toContain('adtech');
  });

  it('waits out a 429 with its Retry-After, then succeeds', async () => {
    const { tagger, requests } = await openAiServer([
      error(429, 'slow down', { 'retry-after-ms': '50' }),
      completion('{"tags": ["a", "b", "c"]}'),
    ]);
    expect(await tagger.tags(page)).toEqual(['a', 'b', 'c']);
    expect(requests).toHaveLength(2);
  });

  it('falls back to JSON mode where structured output is refused', async () => {
    const { tagger, requests } = await openAiServer([
      error(400, 'response_format json_schema is not supported'),
      completion('{"tags": ["x", "y", "z"]}'),
    ]);
    expect(await tagger.tags(page)).toEqual(['x', 'y', 'z']);
    expect(requests[1]).toMatchObject({ response_format: { type: 'json_object' } });
  });

  it('reports malformed answers as AI_BAD_OUTPUT', async () => {
    for (const content of ['not json at all', '{"labels": ["a"]}', '{"tags": []}']) {
      const { tagger } = await openAiServer([completion(content)]);
      const err = await tagger.tags(page).catch((e) => e);
      expect(err).toBeInstanceOf(AiCallError);
      expect(err.code).toBe('AI_BAD_OUTPUT');
    }
  });

  it('gives up after its retries on a failing server, as a transient failure', async () => {
    const { tagger, requests } = await openAiServer([error(503, 'overloaded', { 'retry-after-ms': '10' })]);
    const err = await tagger.tags(page).catch((e) => e);
    expect([err.code, err.permanent]).toEqual(['AI_UNAVAILABLE', false]);
    expect(requests).toHaveLength(3);
  });
});
