import { parseEnvironment } from '@link-archive/core';
import { subgraphEnvironment } from '@link-archive/federation';
import { queueEnvironment } from '@link-archive/queues';
import { storageEnvironment } from '@link-archive/storage';
import { z } from 'zod';

export const mediaEnvironment = subgraphEnvironment(4005)
  .extend(storageEnvironment.shape)
  .extend(queueEnvironment.shape)
  .extend({
    /** The largest image a client may upload. */
    UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .default(10 * 1024 * 1024),
  });
export type MediaEnvironment = z.infer<typeof mediaEnvironment>;

export const loadEnvironment = (): MediaEnvironment => parseEnvironment(mediaEnvironment);
