import { aiEnvironment } from '@link-archive/ai';
import { parseEnvironment } from '@link-archive/core';
import { subgraphEnvironment } from '@link-archive/federation';
import { queueEnvironment } from '@link-archive/queues';
import type { z } from 'zod';

/** The review subgraph queues analyses (queue settings) and drafts replies with the model (AI settings). */
export const reviewEnvironment = subgraphEnvironment(4003)
  .extend(queueEnvironment.shape)
  .extend(aiEnvironment.shape);
export type ReviewEnvironment = z.infer<typeof reviewEnvironment>;

export const loadEnvironment = (): ReviewEnvironment => parseEnvironment(reviewEnvironment);
