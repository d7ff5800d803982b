import { parseEnvironment } from '@link-archive/core';
import { subgraphEnvironment } from '@link-archive/federation';
import { queueEnvironment } from '@link-archive/queues';
import type { z } from 'zod';

export const linkEnvironment = subgraphEnvironment(4002).extend(queueEnvironment.shape);
export type LinkEnvironment = z.infer<typeof linkEnvironment>;

export const loadEnvironment = (): LinkEnvironment => parseEnvironment(linkEnvironment);
