import { pipelineLink } from '@link-archive/link-domain';
import { crawlQueue, renderQueue } from '@link-archive/queues';
import { DelayedError } from 'bullmq';
import { CrawlStore } from '../crawl/crawl-store';
import { CrawlDelay, Crawler } from '../crawl/crawler';
import { needsBrowser } from '../render/needs-browser';
import { renderingChromium } from '../render/rendering';
import type { ProcessorDefinition } from '../registry';
import { settleFailure } from './failure';
import { giveUpLink } from './give-up';
import { laneWorkers } from './lane-workers';

/**
 * Crawl: PENDING → CRAWLING → TAGGING (card and readable copy stored, tag and thumbnail jobs queued), or on to
 * the render queue when the HTML holds no readable content and a browser is installed, or FAILED with a reason.
 */
export const crawlProcessor: ProcessorDefinition = {
  name: 'crawl',
  start(deps) {
    const store = new CrawlStore(deps);
    const { links } = store;
    const crawler = new Crawler(deps.redis, deps.fetchOptions, deps.env.CRAWLER_HOST_INTERVAL_MS);
    const canRender =
      deps.env.RENDER_PAGES === 'on' ||
      (deps.env.RENDER_PAGES === 'auto' && renderingChromium(deps) !== null);
    return laneWorkers(
      deps,
      crawlQueue,
      deps.env.CRAWL_CONCURRENCY,
      async ({ job, token, lane }) => {
        const { linkId, generation, refresh } = job.data;
        const link = await links.startCrawl(linkId, generation);
        if (!link) {
          const current = await pipelineLink(deps.db, linkId);
          if (!current || current.deleted || current.generation !== generation) return 'superseded';
          // this job ran before and died after storing the card: every job it owed downstream is issued again
          // (the same job ids, so one that exists already is not doubled)
          if (current.status === 'TAGGING') await store.enqueueTagging(current, lane);
          if (current.status === 'TAGGING' || current.status === 'READY')
            await store.enqueueThumbnail(current, lane);
          return current.status === 'TAGGING' ? 'tagging' : 'finished';
        }
        let page;
        try {
          page = await crawler.crawl(link.url, link.normalizedUrl, refresh);
        } catch (err) {
          if (err instanceof CrawlDelay) {
            // waiting for a host is not a failed attempt
            await job.moveToDelayed(Date.now() + err.ms, token);
            throw new DelayedError();
          }
          return settleFailure({ job, logger: deps.logger, context: { linkId } }, err, (code) =>
            links.fail(link, code),
          );
        }
        if (canRender && needsBrowser(page)) {
          // the link stays CRAWLING until the render stores what the browser read
          await deps.enqueuer.enqueue(renderQueue, { linkId, generation }, lane);
          return 'rendering';
        }
        return (await store.save(link, page, lane)) ? 'crawled' : 'superseded';
      },
      giveUpLink(deps, links, ['PENDING', 'CRAWLING']),
    );
  },
};
