import { queryRows, type Queryable } from '@link-archive/events';
import { announceCrawl, announceLinkChange } from './link-events';
import { LinkStatus, type PageKind, type Visibility } from './link-enums';
import { withMachineTags, type StoredTag } from './link-tags';
import { PIPELINE_COLUMNS, type PipelineLink } from './pipeline-link';
import type { Transactor } from '@link-archive/events';

/** The readable text kept per link (links.content_text has the same CHECK). */
export const MAX_CONTENT_TEXT = 20_000;

/** What a crawl stores on a link: its card. */
export interface LinkCard {
  canonicalUrl: string | null;
  title: string | null;
  description: string | null;
  siteName: string | null;
  /** The page's icon as found: the favicon job fetches and stores it (the link shows only the stored copy). */
  faviconUrl: string | null;
  imageUrl: string | null;
  author: string | null;
  publishedAt: string | null;
  language: string | null;
  excerpt: string | null;
  text: string;
  wordCount: number | null;
  readingMinutes: number | null;
  contentType: string | null;
  kind: PageKind;
  /** The page's schema.org data; its reviews go to the review domain with link.crawled. */
  structured: { reviews: PageReview[] };
}

/** A schema.org Review as the crawl read it (rating already on 1-5, or null when the page gave none). */
export interface PageReview {
  author: string | null;
  rating: number | null;
  body: string;
  datePublished: string | null;
}

/**
 * The pipeline's status transitions, the only writes of links.status outside a person's own save and recrawl.
 * Every transition names the generation it belongs to and the states it may leave, so a superseded or
 * repeated job changes nothing; each applied transition emits link.updated in the same transaction.
 */
export class LinkTransitions {
  constructor(private readonly transaction: Transactor) {}

  /**
   * PENDING (or a retried CRAWLING) → CRAWLING for this generation, returning the link in the same
   * statement; null when the link is elsewhere (gone, superseded, already crawled): ask pipelineLink why.
   */
  startCrawl(id: string, generation: number): Promise<PipelineLink | null> {
    return this.transaction(async (tx) => {
      const [link] = await queryRows<PipelineLink>(
        tx,
        `UPDATE link.links SET status = 'CRAWLING', status_changed_at = now(), updated_at = now(), error = NULL
          WHERE id = $1 AND crawl_generation = $2 AND status IN ('PENDING', 'CRAWLING') AND deleted_at IS NULL
          RETURNING ${PIPELINE_COLUMNS}`,
        [id, generation],
      );
      if (link) await announceLinkChange(tx, link, LinkStatus.CRAWLING);
      return link ?? null;
    });
  }

  /**
   * The page's card (and the key of its readable copy, already stored), then TAGGING; link.crawled hands the
   * page's reviews to the review domain. A crawl that kept no copy leaves the previous one in place.
   */
  saveCrawl(link: PipelineLink, card: LinkCard, contentKey: string | null = null): Promise<boolean> {
    return this.move(
      link,
      [LinkStatus.PENDING, LinkStatus.CRAWLING],
      LinkStatus.TAGGING,
      `, canonical_url = $4, title = $5, description = $6, site_name = $7, image_url = $8,
         author = $9, published_at = $10, language = $11, excerpt = $12, content_text = $13,
         content_type = $14, page_kind = $15, structured_data = $16::jsonb, crawled_at = now(),
         word_count = $17, reading_minutes = $18, content_key = COALESCE($19, content_key)`,
      [
        card.canonicalUrl,
        card.title,
        card.description,
        card.siteName,
        card.imageUrl,
        card.author,
        card.publishedAt,
        card.language,
        card.excerpt,
        card.text.slice(0, MAX_CONTENT_TEXT),
        card.contentType,
        card.kind,
        JSON.stringify(card.structured),
        card.wordCount,
        card.readingMinutes,
        contentKey,
      ],
      (tx) => announceCrawl(tx, link, card),
    );
  }

  /**
   * The site's icon as stored with the media (or null: the page's own icon is never hot-linked), for the
   * generation that found it; announced like any other change of the card.
   */
  saveFavicon(linkId: string, generation: number, url: string | null): Promise<boolean> {
    return this.transaction(async (tx) => {
      const [row] = await queryRows<{ id: string; ownerId: string; visibility: Visibility }>(
        tx,
        `UPDATE link.links SET favicon_url = $3, updated_at = now()
          WHERE id = $1 AND crawl_generation = $2 AND deleted_at IS NULL AND favicon_url IS DISTINCT FROM $3
          RETURNING id, owner_id AS "ownerId", visibility`,
        [linkId, generation, url],
      );
      if (row) await announceLinkChange(tx, row, null);
      return row !== undefined;
    });
  }

  /** Machine tags beside the owner's own, then READY. */
  saveTags(link: PipelineLink, machine: StoredTag[]): Promise<boolean> {
    return this.move(link, [LinkStatus.TAGGING], LinkStatus.READY, ', tags = $4::jsonb', [
      JSON.stringify(withMachineTags(link.tags, machine)),
    ]);
  }

  fail(link: PipelineLink, code: string): Promise<boolean> {
    return this.move(
      link,
      [LinkStatus.PENDING, LinkStatus.CRAWLING, LinkStatus.TAGGING],
      LinkStatus.FAILED,
      ', error = $4',
      [code.slice(0, 100)],
    );
  }

  private async move(
    link: PipelineLink,
    from: LinkStatus[],
    to: LinkStatus,
    extraSets: string,
    extraValues: unknown[] = [],
    alsoEmit?: (tx: Queryable) => Promise<unknown>,
  ): Promise<boolean> {
    const applied = await this.transaction(async (tx) => {
      const [row] = await queryRows<{ visibility: Visibility }>(
        tx,
        `UPDATE link.links
            SET status = '${to}', status_changed_at = now(), updated_at = now()
                ${to === LinkStatus.FAILED ? '' : ', error = NULL'} ${extraSets}
          WHERE id = $1 AND crawl_generation = $2 AND status = ANY($3::text[]) AND deleted_at IS NULL
          RETURNING visibility`,
        [link.id, link.generation, from, ...extraValues],
      );
      if (!row) return false;
      await announceLinkChange(tx, { ...link, visibility: row.visibility }, to);
      await alsoEmit?.(tx);
      return true;
    });
    if (applied) link.status = to;
    return applied;
  }
}
