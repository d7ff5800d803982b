import { parseEnvironment } from '@link-archive/core';
import { subgraphEnvironment } from '@link-archive/federation';
import { queueEnvironment } from '@link-archive/queues';
import { storageEnvironment } from '@link-archive/storage';
import type { z } from 'zod';

export const linkEnvironment = subgraphEnvironment(4002)
  .extend(queueEnvironment.shape)
  .extend(storageEnvironment.shape);
export type LinkEnvironment = z.infer<typeof linkEnvironment>;

export const loadEnvironment = (): LinkEnvironment => parseEnvironment(linkEnvironment);
