import type { Logger, Redis } from '@link-archive/core';
import { publishLinkUpdated } from '@link-archive/events';
import { crawlQueue, type Enqueuer } from '@link-archive/queues';

/**
 * Hands a link to the crawl workers. The row (status PENDING) is written first and is the source of truth:
 * when Redis is down the enqueue is logged and the workers' reconciler queues the link later.
 */
export class LinkPipeline {
  constructor(
    private readonly enqueuer: Enqueuer,
    private readonly redis: Redis,
    private readonly redisPrefix: string,
    private readonly logger: Logger,
  ) {}

  async start(
    link: { id: string; ownerId: string; crawlGeneration: number },
    refresh: boolean,
  ): Promise<void> {
    try {
      // announced before the crawl can start, so no subscriber sees CRAWLING before PENDING
      await publishLinkUpdated(this.redis, this.redisPrefix, {
        linkId: link.id,
        ownerId: link.ownerId,
        status: 'PENDING',
      });
      await this.enqueuer.enqueue(crawlQueue, { linkId: link.id, generation: link.crawlGeneration, refresh });
    } catch (err) {
      this.logger.warn({ err, linkId: link.id }, 'crawl not queued; the reconciler will queue it');
    }
  }
}
