import { optionalString } from '@link-archive/core';
import { z } from 'zod';

const count = (fallback: number) => z.coerce.number().int().min(0).max(1_000_000).default(fallback);

/** The model settings every process that calls it shares (workers for tags and review analysis, review for replies). */
export const aiEnvironment = z.object({
  /** Unset: local heuristics only (tags marked HEURISTIC, lexicon sentiment, template replies). */
  OPENAI_API_KEY: optionalString(),
  /** Any OpenAI-compatible server (Ollama, vLLM, …); unset for OpenAI itself. */
  OPENAI_BASE_URL: optionalString(),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  /** Model calls per minute across every process. */
  AI_CALLS_PER_MINUTE: count(60),
  /** Model calls per owner per UTC day by plan; past it, the local heuristics answer. */
  AI_DAILY_QUOTA_FREE: count(20),
  AI_DAILY_QUOTA_BASIC: count(200),
  AI_DAILY_QUOTA_PREMIUM: count(1_000),
  AI_DAILY_QUOTA_ENTERPRISE: count(10_000),
});
export type AiEnvironment = z.infer<typeof aiEnvironment>;
