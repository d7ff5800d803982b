import { parseEnvironment } from '@link-archive/core';
import { subgraphEnvironment } from '@link-archive/federation';
import type { z } from 'zod';

export const reviewEnvironment = subgraphEnvironment(4003);
export type ReviewEnvironment = z.infer<typeof reviewEnvironment>;

export const loadEnvironment = (): ReviewEnvironment => parseEnvironment(reviewEnvironment);
