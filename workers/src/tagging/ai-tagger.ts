import OpenAI, { APIError } from 'openai';
import { z } from 'zod';

export interface AiTaggerOptions {
  apiKey: string;
  /** Any OpenAI-compatible server (Ollama, vLLM, …); unset for OpenAI itself. */
  baseURL?: string;
  model: string;
  timeoutMs?: number;
  /** Retries of 429 and 5xx, honouring Retry-After (the SDK's own backoff). */
  maxRetries?: number;
}

export interface AiTagInput {
  title?: string | null;
  description?: string | null;
  siteName?: string | null;
  text?: string | null;
  /** BCP 47; tags come back in this language. */
  language?: string | null;
  /** The owner's existing tags, offered for reuse. */
  existingTags?: string[];
}

export class AiTagError extends Error {
  constructor(
    readonly code: 'AI_BAD_OUTPUT' | 'AI_UNAVAILABLE',
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'AiTagError';
  }
}

const TEXT_CHARS = 6_000; // about 1 500 tokens of readable text
const answer = z.object({ tags: z.array(z.string().trim().min(1).max(50)).min(1).max(10) });
const TAGS_SCHEMA = {
  type: 'object',
  properties: { tags: { type: 'array', items: { type: 'string' }, minItems: 3, maxItems: 5 } },
  required: ['tags'],
  additionalProperties: false,
} as const;

/** A model call's limits: what one tag job may wait on the model, retries with Retry-After included. */
export const AI_CALL_TIMEOUT_MS = 20_000;
export const AI_CALL_RETRIES = 3;

/** 3-5 tags for a page from a Chat Completions model: structured output, JSON mode where that is missing. */
export class AiTagger {
  private readonly client: OpenAI;

  constructor(private readonly options: AiTaggerOptions) {
    this.client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      timeout: options.timeoutMs ?? AI_CALL_TIMEOUT_MS,
      maxRetries: options.maxRetries ?? AI_CALL_RETRIES,
    });
  }

  async tags(input: AiTagInput): Promise<string[]> {
    const messages = prompt(input);
    let content: string | null | undefined;
    try {
      content = await this.complete(messages, {
        type: 'json_schema',
        json_schema: { name: 'tags', strict: true, schema: TAGS_SCHEMA },
      });
    } catch (err) {
      // servers without structured output refuse json_schema with a 400; JSON mode is the fallback
      if (!(err instanceof APIError && err.status === 400)) throw unavailable(err);
      content = await this.complete(messages, { type: 'json_object' }).catch((e) => {
        throw unavailable(e);
      });
    }
    let parsed: z.infer<typeof answer>;
    try {
      parsed = answer.parse(JSON.parse(content ?? ''));
    } catch {
      throw new AiTagError('AI_BAD_OUTPUT', 'the model did not answer with {"tags": [...]}', true);
    }
    return [...new Set(parsed.tags.map((t) => t.replace(/^#+/, '').trim()).filter(Boolean))].slice(0, 5);
  }

  private async complete(
    messages: OpenAI.Chat.ChatCompletionMessageParam[],
    responseFormat: OpenAI.Chat.ChatCompletionCreateParams['response_format'],
  ) {
    const completion = await this.client.chat.completions.create({
      model: this.options.model,
      messages,
      response_format: responseFormat,
      temperature: 0.2,
      max_tokens: 200,
    });
    return completion.choices[0]?.message?.content;
  }
}

function unavailable(err: unknown): AiTagError {
  const status = err instanceof APIError ? err.status : undefined;
  // 4xx other than 429 will not get better by retrying
  const permanent = status !== undefined && status >= 400 && status < 500 && status !== 429;
  return new AiTagError(
    'AI_UNAVAILABLE',
    `the model call failed${status ? ` (HTTP ${status})` : ''}`,
    permanent,
  );
}

function prompt(input: AiTagInput): OpenAI.Chat.ChatCompletionMessageParam[] {
  const language = input.language ?? 'the language of the page';
  const existing = input.existingTags?.length
    ? `Prefer these existing tags of the user when they fit: ${input.existingTags.slice(0, 50).join(', ')}.`
    : '';
  return [
    {
      role: 'system',
      content: `You tag saved web pages. Answer with JSON {"tags": [...]}: 3 to 5 short topical tags in ${language}, lower-case, no '#'. ${existing}`,
    },
    {
      role: 'user',
      content: [
        `Title: ${input.title ?? ''}`,
        `Site: ${input.siteName ?? ''}`,
        `Description: ${input.description ?? ''}`,
        `Text: ${(input.text ?? '').slice(0, TEXT_CHARS)}`,
      ].join('\n'),
    },
  ];
}
