import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '@link-archive/devstack';
import { articleHtml, html, stack, startSite, type FixtureSite, type Route } from '@link-archive/testkit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ThumbnailAssets } from '@link-archive/media-domain';
import { reconcile } from '../schedules/reconciler';
import { scheduleRecrawls } from '../schedules/recrawl';
import { startPipelineHarness, type PipelineHarness } from '../../test/pipeline-harness';

let site: FixtureSite;
const opened: { close: () => Promise<void> }[] = [];
let stallFirst = true;

const page = (title: string) =>
  html(
    articleHtml({
      title,
      description: `${title}, described.`,
      image: '/none.jpg',
      body: `${title} is what this page is about, with enough words for a readable excerpt.`,
    }),
  );

/** The first request hangs (the worker is killed meanwhile); later ones answer at once. */
const stallOnce: Route = (req, res) => {
  if (stallFirst) {
    stallFirst = false;
    return; // never answered: the socket closes when the worker dies
  }
  page('Survived a dead worker')(req, res);
};

const fetchedAt = new Map<string, number>();
const stamp =
  (path: string): Route =>
  (req, res) => {
    fetchedAt.set(path, Date.now());
    page(`Polite ${path}`)(req, res);
  };

beforeAll(async () => {
  site = await startSite(
    {
      '/stall': stallOnce,
      '/lost-job': page('Found again'),
      '/polite/1': stamp('/polite/1'),
      '/polite/2': stamp('/polite/2'),
      '/polite/3': stamp('/polite/3'),
      '/slow-answer': (req, res) => void setTimeout(() => page('Finished before stopping')(req, res), 1_500),
      '/tagging': page('Tagged after all'),
      '/place': html(
        `<html><head><title>Corner Cafe</title><script type="application/ld+json">{"@type":"CafeOrCoffeeShop","name":"Corner Cafe","aggregateRating":{"@type":"AggregateRating","ratingValue":4.5,"reviewCount":12}}</script></head><body><p>Coffee and cake.</p></body></html>`,
      ),
    },
    { port: stack().sitePort },
  );
});

afterAll(async () => {
  await Promise.all(opened.map((o) => o.close()));
  await site.close();
});

async function harness(name: string, which?: string[], env: Record<string, string> = {}) {
  const h: PipelineHarness = await startPipelineHarness(name, env, which);
  opened.push(h);
  return h;
}

function spawnWorker(
  env: PipelineHarness['deps']['env'],
  workers: string,
  extra: Record<string, string> = {},
) {
  return spawn(process.execPath, [join(repoRoot, 'workers/dist/index.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      WORKERS: workers,
      DATABASE_URL: env.DATABASE_URL,
      REDIS_URL: env.REDIS_URL,
      REDIS_PREFIX: env.REDIS_PREFIX,
      CRAWLER_ALLOWED_HOSTS: env.CRAWLER_ALLOWED_HOSTS,
      CRAWLER_HOST_INTERVAL_MS: '0',
      S3_ENDPOINT: env.S3_ENDPOINT,
      S3_BUCKET: env.S3_BUCKET,
      MEDIA_PUBLIC_BASE_URL: env.MEDIA_PUBLIC_BASE_URL,
      ...extra,
    },
    stdio: 'ignore',
  });
}

describe('nothing is lost', () => {
  it('finishes the job in hand before stopping on SIGTERM', async () => {
    const saver = await harness('sigterm', []);
    const child = spawnWorker(saver.deps.env, 'crawl');
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const id = await saver.save(site.url('/slow-answer'));
    const deadline = Date.now() + 15_000;
    while (!site.hits.get('/slow-answer') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // the crawl finished before the process left: its card is stored and the tag job is queued
    expect(await saver.waitForLink(id, (r) => r.status !== 'CRAWLING', 1_000)).toMatchObject({
      status: 'TAGGING',
      title: 'Finished before stopping',
    });
  });

  it('finishes a job whose worker was killed (SIGKILL) in the middle of it', async () => {
    const saver = await harness('sigkill', []);
    const env = saver.deps.env;
    const child = spawnWorker(env, 'crawl', {
      CRAWLER_HEADERS_TIMEOUT_MS: '20000',
      CRAWLER_TOTAL_TIMEOUT_MS: '20000',
      JOB_LOCK_MS: '2000',
    });
    const id = await saver.save(site.url('/stall'));
    const deadline = Date.now() + 15_000;
    while (!site.hits.get('/stall') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(site.hits.get('/stall')).toBe(1);
    expect((await saver.waitForLink(id, (r) => r.status === 'CRAWLING')).status).toBe('CRAWLING');
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    // another worker on the same queues takes the stalled job over once its lock has expired
    await harness('sigkill-successor', ['crawl', 'tag'], {
      REDIS_PREFIX: env.REDIS_PREFIX,
      JOB_LOCK_MS: '2000',
      CRAWLER_TOTAL_TIMEOUT_MS: '3000',
    });
    const row = await saver.waitForLink(id, undefined, 30_000);
    expect(row).toMatchObject({ status: 'READY', title: 'Survived a dead worker', error: null });
    expect(site.hits.get('/stall')).toBe(2);
  }, 60_000);

  it('waits for a busy host without using up an attempt', async () => {
    const h = await harness('politeness', ['crawl', 'tag'], {
      CRAWLER_HOST_INTERVAL_MS: '700',
      JOB_ATTEMPTS: '1',
    });
    const ids = await Promise.all(['/polite/1', '/polite/2', '/polite/3'].map((p) => h.save(site.url(p))));
    for (const id of ids) expect(await h.waitForLink(id)).toMatchObject({ status: 'READY', error: null });
    const times = [...fetchedAt.values()].sort((a, b) => a - b);
    expect(times).toHaveLength(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(650);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(650);
  });

  it('re-enqueues links whose job Redis lost, at the step they were at', async () => {
    const h = await harness('reconcile');
    const lost = await h.save(site.url('/lost-job'), { enqueue: false });
    const tagging = await h.save(site.url('/tagging'), { enqueue: false });
    await h.deps.db.query(
      `UPDATE link.links SET status_changed_at = now() - interval '1 hour',
              status = CASE WHEN id = $2 THEN 'TAGGING' ELSE status END,
              title = CASE WHEN id = $2 THEN 'Tagged after all' ELSE title END
        WHERE id = ANY($1::uuid[])`,
      [[lost, tagging], tagging],
    );
    expect(
      await reconcile(h.deps.db, h.deps.enqueuer, new ThumbnailAssets(h.deps.transaction), 30 * 60_000),
    ).toBe(2);
    // recovery waits behind nobody's fresh save: it goes on the bulk lane
    const requeued = [
      await h.deps.enqueuer.queue('crawl-bulk').getJobState(`crawl-${lost}-1`),
      await h.deps.enqueuer.queue('tag-bulk').getJobState(`tag-${tagging}-1`),
    ];
    expect(requeued.every((state) => state !== 'unknown')).toBe(true);
    expect(await h.waitForLink(lost)).toMatchObject({ status: 'READY', title: 'Found again' });
    const tagged = await h.waitForLink(tagging);
    expect(tagged.status).toBe('READY');
    expect(tagged.tags.map((t) => t.name)).toContain('tagged');
    // the reconciler does not touch links that are done
    expect(
      await reconcile(h.deps.db, h.deps.enqueuer, new ThumbnailAssets(h.deps.transaction), 30 * 60_000),
    ).toBe(0);
  });

  it('gives a READY link its thumbnail job again when the job was lost before the thumbnail was settled', async () => {
    const h = await harness('thumbnail-reconcile');
    const id = await h.save(site.url('/lost-job?thumbnail'));
    await h.waitForLink(id);
    const thumbnailRow = () =>
      h.deps.db.query(
        `SELECT status, error FROM media.media_assets WHERE link_id = $1 AND kind = 'THUMBNAIL'`,
        [id],
      );
    await vi.waitFor(async () => expect((await thumbnailRow()).rows).toHaveLength(1), { timeout: 10_000 });
    // as if the thumbnail job had vanished with Redis before it ran: no job, no asset
    await h.deps.db.query(`DELETE FROM media.media_assets WHERE link_id = $1`, [id]);
    await Promise.all(
      ['thumbnail', 'thumbnail-bulk'].map((q) => h.deps.enqueuer.queue(q).remove(`thumbnail-${id}-1`)),
    );
    await h.deps.db.query(`UPDATE link.links SET crawled_at = now() - interval '1 hour' WHERE id = $1`, [id]);
    const thumbnails = new ThumbnailAssets(h.deps.transaction);
    expect(await reconcile(h.deps.db, h.deps.enqueuer, thumbnails, 30 * 60_000)).toBeGreaterThanOrEqual(1);
    expect(await h.deps.enqueuer.queue('thumbnail-bulk').getJobState(`thumbnail-${id}-1`)).not.toBe(
      'unknown',
    );
    // the job ran again and settled the thumbnail (this page's image is missing: FAILED with its reason)
    await vi.waitFor(
      async () => expect((await thumbnailRow()).rows).toEqual([{ status: 'FAILED', error: 'HTTP_404' }]),
      {
        timeout: 10_000,
      },
    );
    expect(await reconcile(h.deps.db, h.deps.enqueuer, thumbnails, 30 * 60_000)).toBe(0);
  });

  it('recrawls a stale place on the bulk lane, as a new crawl generation', async () => {
    const h = await harness('recrawl');
    const id = await h.save(site.url('/place'));
    expect(await h.waitForLink(id)).toMatchObject({
      status: 'READY',
      page_kind: 'PLACE',
      // kept for the review issue: the place's schema.org rating
      structured_data: { aggregateRating: { ratingValue: 4.5, reviewCount: 12 } },
    });
    await h.deps.db.query(`UPDATE link.links SET crawled_at = now() - interval '2 days' WHERE id = $1`, [id]);
    const started = await scheduleRecrawls(h.deps.transaction, h.deps.enqueuer, {
      placeHours: 24,
      productHours: 24,
      pageHours: 0,
    });
    expect(started).toBeGreaterThanOrEqual(1);
    expect(await h.deps.enqueuer.queue('crawl-bulk').getJob(`crawl-${id}-2`)).toBeTruthy();
    // the move back to PENDING was committed with its link.updated event
    const { rows: announced } = await h.deps.db.query(
      `SELECT payload->>'status' AS status FROM link.outbox
        WHERE name = 'link.updated' AND payload->>'linkId' = $1 ORDER BY seq`,
      [id],
    );
    // (the bulk lane may already have picked the recrawl up and announced CRAWLING after it)
    expect(announced.map((e) => e.status).slice(0, 5)).toEqual([
      'PENDING',
      'CRAWLING',
      'TAGGING',
      'READY',
      'PENDING',
    ]);
    const row = await h.waitForLink(id);
    const { rows } = await h.deps.db.query(
      `SELECT crawl_generation, crawled_at > now() - interval '1 minute' AS fresh FROM link.links WHERE id = $1`,
      [id],
    );
    expect(row.status).toBe('READY');
    expect(rows[0]).toEqual({ crawl_generation: 2, fresh: true });
  });
});
