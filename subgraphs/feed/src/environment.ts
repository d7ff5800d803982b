import { parseEnvironment } from '@link-archive/core';
import { subgraphEnvironment } from '@link-archive/federation';
import type { z } from 'zod';

export const feedEnvironment = subgraphEnvironment(4004);
export type FeedEnvironment = z.infer<typeof feedEnvironment>;

export const loadEnvironment = (): FeedEnvironment => parseEnvironment(feedEnvironment);
