import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { AiTagError, AiTagger } from './ai-tagger';

type Reply = (body: Record<string, unknown>, res: ServerResponse) => void;
const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

/** A local server speaking the Chat Completions protocol, answering each call with the next reply. */
async function openAiServer(replies: Reply[]) {
  const requests: Record<string, unknown>[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw);
    requests.push({ ...body, path: req.url });
    const reply = replies[Math.min(requests.length - 1, replies.length - 1)]!;
    reply(body, res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const tagger = new AiTagger({
    apiKey: 'test-key',
    baseURL: `http://127.0.0.1:${port}/v1`,
    model: 'test-model',
    maxRetries: 2,
  });
  return { tagger, requests };
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const completion =
  (content: string): Reply =>
  (_body, res) =>
    json(res, 200, {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 0,
      model: 'test-model',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
    });
const error =
  (status: number, message: string, headers: Record<string, string> = {}): Reply =>
  (_body, res) =>
    json(res, status, { error: { message, type: 'invalid_request_error' } }, headers);

const page = {
  title: 'Ad tech weekly',
  description: 'News',
  text: 'Programmatic ads',
  language: 'en',
  existingTags: ['adtech'],
};

describe('AiTagger', () => {
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
      expect(err).toBeInstanceOf(AiTagError);
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
