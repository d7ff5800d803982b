import type { ChatJson } from '@link-archive/ai';
import type OpenAI from 'openai';
import { z } from 'zod';

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

const TEXT_CHARS = 6_000; // about 1 500 tokens of readable text

const TAGS_ANSWER = {
  name: 'tags',
  schema: {
    type: 'object',
    properties: { tags: { type: 'array', items: { type: 'string' }, minItems: 3, maxItems: 5 } },
    required: ['tags'],
    additionalProperties: false,
  },
  parse: z.object({ tags: z.array(z.string().trim().min(1).max(50)).min(1).max(10) }),
  maxTokens: 200,
};

/** 3-5 tags for a page from a Chat Completions model. */
export async function aiTags(chat: ChatJson, input: AiTagInput): Promise<string[]> {
  const { tags } = await chat.ask(prompt(input), TAGS_ANSWER);
  return [...new Set(tags.map((t) => t.replace(/^#+/, '').trim()).filter(Boolean))].slice(0, 5);
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
