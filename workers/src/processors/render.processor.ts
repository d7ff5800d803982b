import { ThumbnailAssets } from '@link-archive/media-domain';
import { pipelineLink } from '@link-archive/link-domain';
import { renderQueue } from '@link-archive/queues';
import { CrawlStore } from '../crawl/crawl-store';
import { htmlPage, type CrawledPage } from '../crawl/crawled-page';
import { Crawler } from '../crawl/crawler';
import { extractPage } from '../crawl/extract-page';
import { FetchError } from '../http/fetch-error';
import { PageRenderer } from '../render/page-renderer';
import { renderingChromium } from '../render/rendering';
import type { ProcessorDefinition } from '../registry';
import { processImage } from '../thumbnails/process-image';
import { storeThumbnail } from '../thumbnails/store-thumbnail';
import type { WorkerDeps } from '../worker-deps';
import { recordedFailure } from './failure';
import { giveUpLink } from './give-up';
import { laneWorkers } from './lane-workers';

/**
 * Render: a CRAWLING link whose HTML held no readable content, read in headless Chromium (every request through
 * the guarded client); the rendered DOM feeds the same extraction, and the first screen is kept as the link's
 * screenshot (and thumbnail, when the page has no image). A render that keeps failing stores the page as
 * served, as without a browser.
 */
export const renderProcessor: ProcessorDefinition = {
  name: 'render',
  start(deps) {
    const chromium = renderingChromium(deps);
    if (!chromium) return [];
    const renderer = new PageRenderer(
      chromium,
      deps.fetchOptions,
      {
        totalTimeoutMs: deps.env.RENDER_TIMEOUT_MS,
        maxRequests: deps.env.RENDER_MAX_REQUESTS,
        maxTotalBytes: deps.env.RENDER_MAX_BYTES,
        noSandbox: deps.env.CHROMIUM_NO_SANDBOX === 'true',
      },
      deps.logger,
    );
    const store = new CrawlStore(deps);
    const crawler = new Crawler(deps.redis, deps.fetchOptions, deps.env.CRAWLER_HOST_INTERVAL_MS);
    const assets = new ThumbnailAssets(deps.transaction);
    const workers = laneWorkers(
      deps,
      renderQueue,
      deps.env.RENDER_CONCURRENCY,
      async ({ job, lane }) => {
        const { linkId, generation } = job.data;
        const link = await pipelineLink(deps.db, linkId);
        if (!link || link.deleted || link.generation !== generation || link.status !== 'CRAWLING')
          return 'superseded';
        let page: CrawledPage;
        let screenshot: Buffer | null = null;
        try {
          const rendered = await renderer.render(link.url, { screenshot: true });
          const extracted = await extractPage(rendered.html, rendered.finalUrl);
          page = htmlPage(extracted, rendered.finalUrl, 'text/html; charset=utf-8');
          screenshot = rendered.screenshot;
        } catch (err) {
          const error = err instanceof FetchError ? err : null;
          if (error?.permanent) {
            await store.links.fail(link, error.code);
            throw recordedFailure(error.code, err);
          }
          // a passing failure (a timeout, Chromium restarting) is retried; the last attempt stores the page as served
          if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw err;
          deps.logger.warn({ err, linkId }, 'render failed: the page is stored as served');
          page = await crawler.crawl(link.url, link.normalizedUrl, false);
        }
        if (!(await store.save(link, page, lane))) return 'superseded';
        if (screenshot) await keepScreenshot(deps, assets, link, screenshot, page.imageUrl === null);
        return 'rendered';
      },
      giveUpLink(deps, store.links, ['CRAWLING']),
    );
    return [...workers, { name: 'chromium', close: () => renderer.close() }];
  },
};

/** The screenshot in the three sizes, as the link's SCREENSHOT, and as its THUMBNAIL when it has no image. */
async function keepScreenshot(
  deps: WorkerDeps,
  assets: ThumbnailAssets,
  link: { id: string; ownerId: string },
  png: Buffer,
  asThumbnail: boolean,
): Promise<void> {
  const image = await processImage(png);
  await storeThumbnail(deps.media, png, image);
  await assets.ready(link.id, link.ownerId, image, png.length, 'SCREENSHOT');
  if (asThumbnail) await assets.ready(link.id, link.ownerId, image, png.length, 'THUMBNAIL');
}
