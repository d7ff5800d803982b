import OpenAI, { APIError } from 'openai';
import type { z } from 'zod';

export interface ChatJsonOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs?: number;
  /** Retries of 429 and 5xx, honouring Retry-After (the SDK's own backoff). */
  maxRetries?: number;
}

export class AiCallError extends Error {
  constructor(
    readonly code: 'AI_BAD_OUTPUT' | 'AI_UNAVAILABLE',
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'AiCallError';
  }
}

/** A model call's limits: what one job or request may wait on the model, retries with Retry-After included. */
export const AI_CALL_TIMEOUT_MS = 20_000;
export const AI_CALL_RETRIES = 3;

export interface JsonAnswer<T> {
  /** Names the answer for structured output. */
  name: string;
  /** The JSON Schema the model is held to (strict structured output). */
  schema: Record<string, unknown>;
  /** What the answer must parse as; anything else is AI_BAD_OUTPUT. */
  parse: z.ZodType<T>;
  maxTokens: number;
}

/**
 * One Chat Completions call answered as JSON: structured output (json_schema), falling back to JSON mode
 * for OpenAI-compatible servers that refuse it with a 400. Every failure is an AiCallError.
 */
export class ChatJson {
  private readonly client: OpenAI;

  constructor(private readonly options: ChatJsonOptions) {
    this.client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      timeout: options.timeoutMs ?? AI_CALL_TIMEOUT_MS,
      maxRetries: options.maxRetries ?? AI_CALL_RETRIES,
    });
  }

  get model(): string {
    return this.options.model;
  }

  async ask<T>(messages: OpenAI.Chat.ChatCompletionMessageParam[], answer: JsonAnswer<T>): Promise<T> {
    let content: string | null | undefined;
    try {
      content = await this.complete(messages, answer.maxTokens, {
        type: 'json_schema',
        json_schema: { name: answer.name, strict: true, schema: answer.schema },
      });
    } catch (err) {
      if (!(err instanceof APIError && err.status === 400)) throw unavailable(err);
      content = await this.complete(messages, answer.maxTokens, { type: 'json_object' }).catch((e) => {
        throw unavailable(e);
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(content ?? '');
    } catch {
      throw new AiCallError('AI_BAD_OUTPUT', `the model's answer is not JSON (${answer.name})`, true);
    }
    const parsed = answer.parse.safeParse(json);
    if (!parsed.success)
      throw new AiCallError('AI_BAD_OUTPUT', `the model's answer breaks the ${answer.name} shape`, true);
    return parsed.data;
  }

  private async complete(
    messages: OpenAI.Chat.ChatCompletionMessageParam[],
    maxTokens: number,
    responseFormat: OpenAI.Chat.ChatCompletionCreateParams['response_format'],
  ) {
    const completion = await this.client.chat.completions.create({
      model: this.options.model,
      messages,
      response_format: responseFormat,
      temperature: 0.2,
      max_tokens: maxTokens,
    });
    return completion.choices[0]?.message?.content;
  }
}

function unavailable(err: unknown): AiCallError {
  const status = err instanceof APIError ? err.status : undefined;
  // 4xx other than 429 will not get better by retrying
  const permanent = status !== undefined && status >= 400 && status < 500 && status !== 429;
  return new AiCallError(
    'AI_UNAVAILABLE',
    `the model call failed${status ? ` (HTTP ${status})` : ''}`,
    permanent,
  );
}
