import { z } from 'zod';
import { RETRYING, defineQueue } from './define-queue';

// payloads carry ids only: workers read everything else from PostgreSQL, and no secret ever sits in Redis

/** A link's crawl generation grows with every recrawl, so each recrawl is a new job and older ones are stale. */
const linkRun = z.object({ linkId: z.uuid(), generation: z.number().int().min(1) });

export const crawlQueue = defineQueue({
  name: 'crawl',
  payload: linkRun.extend({
    /** Skip the shared 24 h fetch cache: an explicit or scheduled recrawl wants the page as it is now. */
    refresh: z.boolean().default(false),
  }),
  defaults: RETRYING,
  jobId: ({ linkId, generation }) => `crawl-${linkId}-${generation}`,
});

/** A page whose HTML holds no readable content, rendered in headless Chromium (its own queue and concurrency). */
export const renderQueue = defineQueue({
  name: 'render',
  payload: linkRun,
  defaults: RETRYING,
  jobId: ({ linkId, generation }) => `render-${linkId}-${generation}`,
});

export const tagQueue = defineQueue({
  name: 'tag',
  payload: linkRun,
  defaults: RETRYING,
  jobId: ({ linkId, generation }) => `tag-${linkId}-${generation}`,
});

export const thumbnailQueue = defineQueue({
  name: 'thumbnail',
  payload: z.object({
    linkId: z.uuid(),
    ownerId: z.uuid(),
    generation: z.number().int().min(1),
    imageUrl: z.url().max(2048),
  }),
  defaults: RETRYING,
  jobId: ({ linkId, generation }) => `thumbnail-${linkId}-${generation}`,
});

/** A site's icon, fetched through the guarded client and stored with the media (never hot-linked). */
export const faviconQueue = defineQueue({
  name: 'favicon',
  payload: z.object({
    linkId: z.uuid(),
    generation: z.number().int().min(1),
    faviconUrl: z.url().max(2048),
  }),
  defaults: RETRYING,
  jobId: ({ linkId, generation }) => `favicon-${linkId}-${generation}`,
});

/** A client's upload, checked on completion: type sniffed, resized like a thumbnail, stored by content. */
export const uploadQueue = defineQueue({
  name: 'upload',
  payload: z.object({ assetId: z.uuid() }),
  defaults: RETRYING,
  jobId: ({ assetId }) => `upload-${assetId}`,
});

/** A review's sentiment and keywords, for one revision of it (an edit is a new revision, so a new job). */
export const reviewAnalysisQueue = defineQueue({
  name: 'review-analysis',
  payload: z.object({ reviewId: z.uuid(), revision: z.number().int().min(1) }),
  defaults: RETRYING,
  jobId: ({ reviewId, revision }) => `review-analysis-${reviewId}-${revision}`,
});

/** Periodic upkeep (reconciler, recrawl schedule): repeatable jobs with fixed ids, no payload. */
export const scheduleQueue = defineQueue({
  name: 'schedule',
  payload: z.object({ task: z.enum(['reconcile', 'recrawl']) }),
  defaults: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
  jobId: ({ task }) => `schedule-${task}`,
});

/** Every queue contract, for tools that show them all (Bull Board). */
export const ALL_QUEUES = [
  crawlQueue,
  renderQueue,
  tagQueue,
  thumbnailQueue,
  faviconQueue,
  uploadQueue,
  reviewAnalysisQueue,
  scheduleQueue,
];
