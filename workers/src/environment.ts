import { aiEnvironment } from '@link-archive/ai';
import { optionalString, parseEnvironment } from '@link-archive/core';
import { queueEnvironment } from '@link-archive/queues';
import { storageEnvironment } from '@link-archive/storage';
import { z } from 'zod';

const count = (fallback: number, max: number) => z.coerce.number().int().min(0).max(max).default(fallback);

export const workersEnvironment = storageEnvironment
  .extend(queueEnvironment.shape)
  .extend(aiEnvironment.shape)
  .extend({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z.string().min(1, 'DATABASE_URL is required (npm start sets it for the embedded stack)'),
    DB_POOL_SIZE: count(10, 100),
    REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z.string().default('la:'),
    /** Comma-separated processors to run in this process; empty runs all registered ones. */
    WORKERS: z.string().default(''),
    LOG_LEVEL: optionalString(),

    /** How long a job's lock lives without renewal: a killed worker's job is taken over after about this long. */
    JOB_LOCK_MS: count(30_000, 600_000),
    /** Jobs each processor runs at once in this process (I/O-bound; parsing still takes one core). */
    CRAWL_CONCURRENCY: count(4, 100),
    TAG_CONCURRENCY: count(8, 100),
    REVIEW_ANALYSIS_CONCURRENCY: count(8, 100),
    THUMBNAIL_CONCURRENCY: count(2, 20),
    /** Pages rendered at once per process (each is a Chromium tab: memory-bound). */
    RENDER_CONCURRENCY: count(1, 10),
    /** Chromium for pages that need a browser; unset: /usr/bin/chromium and the usual places. */
    CHROMIUM_PATH: optionalString(),
    /**
     * Whether crawls hand pages with no readable HTML to the render queue: auto when this process has Chromium;
     * on where the renderers run elsewhere (their own containers), off to never render.
     */
    RENDER_PAGES: z.enum(['auto', 'on', 'off']).default('auto'),
    /** Chromium's own sandbox off (containers without user namespaces: the container is the sandbox). */
    CHROMIUM_NO_SANDBOX: z.enum(['true', 'false']).default('false'),
    /** A render's whole time, and the requests and bytes one page may load. */
    RENDER_TIMEOUT_MS: count(20_000, 120_000),
    RENDER_MAX_REQUESTS: count(150, 1_000),
    RENDER_MAX_BYTES: count(20 * 1024 * 1024, 200 * 1024 * 1024),
    /** host or host:port entries the crawler may reach although they are private (local test sites only). */
    CRAWLER_ALLOWED_HOSTS: z.string().default(''),
    /** Connect plus response headers, the whole fetch, and the decompressed body of a page. */
    CRAWLER_HEADERS_TIMEOUT_MS: count(10_000, 120_000),
    CRAWLER_TOTAL_TIMEOUT_MS: count(30_000, 300_000),
    CRAWLER_MAX_BYTES: count(5 * 1024 * 1024, 100 * 1024 * 1024),
    /** At most one fetch per host per interval (stretched to the site's Crawl-delay). */
    CRAWLER_HOST_INTERVAL_MS: count(1_000, 60_000),

    /** How often the reconciler looks for links whose job Redis lost, and how old such a state must be. */
    RECONCILE_EVERY_MS: count(60_000, 86_400_000),
    RECONCILE_AFTER_MS: count(120_000, 86_400_000),
    /** Recrawl READY links older than this, by kind (0 turns a kind's recrawl off). */
    RECRAWL_EVERY_MS: count(3_600_000, 86_400_000),
    RECRAWL_PLACE_HOURS: count(24, 100_000),
    RECRAWL_PRODUCT_HOURS: count(24, 100_000),
    RECRAWL_PAGE_HOURS: count(24 * 30, 100_000),

    /** How often the relay reads the outboxes when no commit notification woke it. */
    OUTBOX_POLL_MS: count(1_000, 600_000),
    /** How long delivered events are kept, to be queued again after a Redis loss. */
    OUTBOX_RETENTION_MS: count(86_400_000, 30 * 86_400_000),
  });
export type WorkersEnvironment = z.infer<typeof workersEnvironment>;

export const loadEnvironment = (): WorkersEnvironment => parseEnvironment(workersEnvironment);
