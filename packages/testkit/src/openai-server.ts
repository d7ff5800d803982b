import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type OpenAiReply = (body: Record<string, unknown>, res: ServerResponse) => void;

export interface OpenAiServer {
  /** The base URL to give the SDK (…/v1). */
  baseURL: string;
  /** Every request body received, with its path. */
  requests: Record<string, unknown>[];
  close: () => Promise<void>;
}

/** A local server speaking the Chat Completions protocol, answering each call with the next reply (the last repeats). */
export async function startOpenAiServer(replies: OpenAiReply[]): Promise<OpenAiServer> {
  const requests: Record<string, unknown>[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw);
    requests.push({ ...body, path: req.url });
    const reply = replies[Math.min(requests.length - 1, replies.length - 1)]!;
    reply(body, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

/** A chat completion whose message content is `content`. */
export const completion =
  (content: string): OpenAiReply =>
  (_body, res) =>
    json(res, 200, {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 0,
      model: 'test-model',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
    });

/** An API error as OpenAI sends it. */
export const apiError =
  (status: number, message: string, headers: Record<string, string> = {}): OpenAiReply =>
  (_body, res) =>
    json(res, status, { error: { message, type: 'invalid_request_error' } }, headers);
