import type { Logger } from '@link-archive/core';
import { crawlQueue, type Enqueuer } from '@link-archive/queues';

/**
 * Hands a link to the crawl workers. The row (status PENDING) and its link.updated event are committed first
 * and are the source of truth: when Redis is down the enqueue is logged and the workers' reconciler queues the
 * link later.
 */
export class LinkPipeline {
  constructor(
    private readonly enqueuer: Enqueuer,
    private readonly logger: Logger,
  ) {}

  async start(
    link: { id: string; ownerId: string; crawlGeneration: number },
    refresh: boolean,
  ): Promise<void> {
    try {
      await this.enqueuer.enqueue(crawlQueue, { linkId: link.id, generation: link.crawlGeneration, refresh });
    } catch (err) {
      this.logger.warn({ err, linkId: link.id }, 'crawl not queued; the reconciler will queue it');
    }
  }
}
