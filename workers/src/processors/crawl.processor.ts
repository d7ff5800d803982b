import { LinkArticles, LinkTransitions, pipelineLink, type PipelineLink } from '@link-archive/link-domain';
import { crawlQueue, tagQueue, thumbnailQueue, type Lane } from '@link-archive/queues';
import { DelayedError } from 'bullmq';
import { CrawlDelay, Crawler } from '../crawl/crawler';
import { untaggable } from '../crawl/page-verdict';
import type { ProcessorDefinition } from '../registry';
import type { WorkerDeps } from '../worker-deps';
import { recordedFailure, settleFailure } from './failure';
import { giveUpLink } from './give-up';
import { laneWorkers } from './lane-workers';

/** Crawl: PENDING → CRAWLING → TAGGING (card stored, tag and thumbnail jobs queued) or FAILED with a reason. */
export const crawlProcessor: ProcessorDefinition = {
  name: 'crawl',
  start(deps) {
    const links = new LinkTransitions(deps.transaction);
    const articles = new LinkArticles(deps.media);
    const crawler = new Crawler(deps.redis, deps.fetchOptions, deps.env.CRAWLER_HOST_INTERVAL_MS);
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
          if (current.status === 'TAGGING') await enqueueTagging(deps, current, lane);
          if (current.status === 'TAGGING' || current.status === 'READY')
            await enqueueThumbnail(deps, current, lane);
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
        const refusal = untaggable(page);
        if (refusal) {
          await links.fail(link, refusal);
          throw recordedFailure(refusal);
        }
        // the readable copy is stored first: the link's previous copy stays until this one is recorded
        const contentKey = page.articleHtml ? await articles.put(link.id, page.articleHtml) : null;
        if (await links.saveCrawl(link, page, contentKey)) {
          if (contentKey && link.contentKey && link.contentKey !== contentKey)
            await articles
              .remove([link.contentKey])
              .catch((err: unknown) =>
                deps.logger.warn({ err, linkId, key: link.contentKey }, 'previous readable copy not deleted'),
              );
          await enqueueTagging(deps, link, lane);
          await enqueueThumbnail(deps, { ...link, imageUrl: page.imageUrl }, lane);
        }
        return 'crawled';
      },
      giveUpLink(deps, links, ['PENDING', 'CRAWLING']),
    );
  },
};

const enqueueTagging = (deps: WorkerDeps, link: PipelineLink, lane: Lane) =>
  deps.enqueuer.enqueue(tagQueue, { linkId: link.id, generation: link.generation }, lane);

const enqueueThumbnail = async (deps: WorkerDeps, link: PipelineLink, lane: Lane) => {
  if (!link.imageUrl) return;
  const payload = {
    linkId: link.id,
    ownerId: link.ownerId,
    generation: link.generation,
    imageUrl: link.imageUrl,
  };
  // an image URL the thumbnail contract refuses (too long, not a URL) simply gets no thumbnail
  if (thumbnailQueue.payload.safeParse(payload).success)
    await deps.enqueuer.enqueue(thumbnailQueue, payload, lane);
};
