import { z } from 'zod';
import { RETRYING, defineQueue } from './define-queue';

// payloads carry ids only: workers read everything else from PostgreSQL, and no secret ever sits in Redis

export const crawlQueue = defineQueue({
  name: 'crawl',
  payload: z.object({ linkId: z.uuid() }),
  defaults: RETRYING,
  jobId: ({ linkId }) => `crawl-${linkId}`,
});

export const tagQueue = defineQueue({
  name: 'tag',
  payload: z.object({ linkId: z.uuid() }),
  defaults: RETRYING,
  jobId: ({ linkId }) => `tag-${linkId}`,
});

export const thumbnailQueue = defineQueue({
  name: 'thumbnail',
  payload: z.object({ linkId: z.uuid(), imageUrl: z.url().max(2048) }),
  defaults: RETRYING,
  jobId: ({ linkId }) => `thumbnail-${linkId}`,
});
