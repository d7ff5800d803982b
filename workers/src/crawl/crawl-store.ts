import { LinkArticles, LinkTransitions, type PipelineLink } from '@link-archive/link-domain';
import { faviconQueue, tagQueue, thumbnailQueue, type Lane } from '@link-archive/queues';
import { recordedFailure } from '../processors/failure';
import type { WorkerDeps } from '../worker-deps';
import type { CrawledPage } from './crawled-page';
import { untaggable } from './page-verdict';

/**
 * What a crawl (or a render) does with the page it read: the readable copy stored first, then the card and
 * TAGGING in one transition, the link's previous copy removed, and the tag and thumbnail jobs queued.
 */
export class CrawlStore {
  readonly links: LinkTransitions;
  private readonly articles: LinkArticles;

  constructor(private readonly deps: WorkerDeps) {
    this.links = new LinkTransitions(deps.transaction);
    this.articles = new LinkArticles(deps.media);
  }

  /** True when stored; false when the link moved on meanwhile (superseded, deleted). */
  async save(link: PipelineLink, page: CrawledPage, lane: Lane): Promise<boolean> {
    const refusal = untaggable(page);
    if (refusal) {
      await this.links.fail(link, refusal);
      throw recordedFailure(refusal);
    }
    // the readable copy is stored first: the link's previous copy stays until this one is recorded
    const contentKey = page.articleHtml ? await this.storeCopy(link, page.articleHtml) : null;
    if (!(await this.links.saveCrawl(link, page, contentKey))) return false;
    if (contentKey && link.contentKey && link.contentKey !== contentKey)
      await this.articles
        .remove([link.contentKey])
        .catch((err: unknown) =>
          this.deps.logger.warn(
            { err, linkId: link.id, key: link.contentKey },
            'previous readable copy not deleted',
          ),
        );
    await this.enqueueTagging(link, lane);
    await this.enqueueThumbnail({ ...link, imageUrl: page.imageUrl }, lane);
    await this.enqueueFavicon(link, page.faviconUrl, lane);
    return true;
  }

  /**
   * The readable copy in S3; when S3 cannot take it, the card is still stored (the copy is a convenience, the
   * card is what the person waits for) and the link keeps its previous copy, if any, until its next crawl.
   */
  private async storeCopy(link: PipelineLink, html: string): Promise<string | null> {
    try {
      return await this.articles.put(link.id, html);
    } catch (err) {
      this.deps.logger.warn({ err, linkId: link.id }, 'readable copy not stored: S3 refused it');
      return null;
    }
  }

  /** The tag job of this generation (its id is fixed, so queuing it again never doubles it). */
  enqueueTagging(link: PipelineLink, lane: Lane): Promise<unknown> {
    return this.deps.enqueuer.enqueue(tagQueue, { linkId: link.id, generation: link.generation }, lane);
  }

  /** The favicon job: the page's declared icon, else its site's /favicon.ico. */
  async enqueueFavicon(link: PipelineLink, faviconUrl: string | null, lane: Lane): Promise<void> {
    // no icon URL, or one the contract refuses (too long, not http): the link simply has no favicon
    const payload = faviconQueue.payload.safeParse({
      linkId: link.id,
      generation: link.generation,
      faviconUrl,
    });
    if (payload.success) await this.deps.enqueuer.enqueue(faviconQueue, payload.data, lane);
  }

  /** The thumbnail job, when the page has an image. */
  async enqueueThumbnail(link: PipelineLink, lane: Lane): Promise<void> {
    if (!link.imageUrl) return;
    const payload = {
      linkId: link.id,
      ownerId: link.ownerId,
      generation: link.generation,
      imageUrl: link.imageUrl,
    };
    // an image URL the thumbnail contract refuses (too long, not a URL) simply gets no thumbnail
    if (thumbnailQueue.payload.safeParse(payload).success)
      await this.deps.enqueuer.enqueue(thumbnailQueue, payload, lane);
  }
}
