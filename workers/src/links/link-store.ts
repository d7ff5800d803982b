import { emitEvent, inTransaction, linkUpdated } from '@link-archive/events';
import type { Pool, PoolClient } from 'pg';
import type { CrawledPage } from '../crawl/crawled-page';
import { MAX_TEXT } from '../crawl/extract-page';

export type LinkStatus = 'PENDING' | 'CRAWLING' | 'TAGGING' | 'READY' | 'FAILED';
export type TagSource = 'USER' | 'AI' | 'HEURISTIC';

export interface StoredTag {
  name: string;
  source: TagSource;
  confidence: number | null;
}

/** The pipeline's view of a link row. */
export interface PipelineLink {
  id: string;
  ownerId: string;
  ownerPlan: string;
  url: string;
  normalizedUrl: string;
  status: LinkStatus;
  generation: number;
  deleted: boolean;
  title: string | null;
  description: string | null;
  siteName: string | null;
  language: string | null;
  contentText: string | null;
  pageKind: string;
  visibility: 'PRIVATE' | 'FOLLOWERS' | 'PUBLIC';
  tags: StoredTag[];
}

const COLUMNS = `id, owner_id AS "ownerId", owner_plan AS "ownerPlan", url, normalized_url AS "normalizedUrl",
  status, crawl_generation AS generation, deleted_at IS NOT NULL AS deleted, title, description,
  site_name AS "siteName", language, content_text AS "contentText", page_kind AS "pageKind", visibility, tags`;

/**
 * The link pipeline's writes to the link schema (the crawl and tag workers belong to the link domain).
 * Every transition names the generation it belongs to and the states it may leave, so a superseded or
 * repeated job changes nothing; each applied transition emits link.updated in the same transaction.
 */
export class LinkStore {
  constructor(private readonly db: Pool) {}

  async get(id: string): Promise<PipelineLink | null> {
    const { rows } = await this.db.query(`SELECT ${COLUMNS} FROM link.links WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /**
   * PENDING (or a retried CRAWLING) → CRAWLING for this generation, returning the link in the same
   * statement; null when the link is elsewhere (gone, superseded, already crawled): ask `get` why.
   */
  async startCrawl(id: string, generation: number): Promise<PipelineLink | null> {
    return inTransaction(this.db, async (tx) => {
      const { rows } = await tx.query<PipelineLink>(
        `UPDATE link.links SET status = 'CRAWLING', status_changed_at = now(), updated_at = now(), error = NULL
          WHERE id = $1 AND crawl_generation = $2 AND status IN ('PENDING', 'CRAWLING') AND deleted_at IS NULL
          RETURNING ${COLUMNS}`,
        [id, generation],
      );
      const link = rows[0] ?? null;
      if (link) await announce(tx, link);
      return link;
    });
  }

  /** The page's card, then TAGGING. */
  saveCrawl(link: PipelineLink, page: CrawledPage): Promise<boolean> {
    return this.transition(
      link,
      ['PENDING', 'CRAWLING'],
      'TAGGING',
      `, canonical_url = $4, title = $5, description = $6, site_name = $7, favicon_url = $8, image_url = $9,
         author = $10, published_at = $11, language = $12, excerpt = $13, content_text = $14,
         content_type = $15, page_kind = $16, structured_data = $17::jsonb, crawled_at = now()`,
      [
        page.canonicalUrl,
        page.title,
        page.description,
        page.siteName,
        page.faviconUrl,
        page.imageUrl,
        page.author,
        page.publishedAt,
        page.language,
        page.excerpt,
        page.text.slice(0, MAX_TEXT),
        page.contentType,
        page.kind,
        JSON.stringify(page.structured),
      ],
    );
  }

  /** Machine tags replace the previous machine tags; the owner's own tags always stay. */
  saveTags(link: PipelineLink, machine: StoredTag[]): Promise<boolean> {
    const owners = link.tags.filter((t) => t.source === 'USER');
    const taken = new Set(owners.map((t) => t.name));
    const tags = [...owners, ...machine.filter((t) => !taken.has(t.name))];
    return this.transition(link, ['TAGGING'], 'READY', ', tags = $4::jsonb', [JSON.stringify(tags)]);
  }

  fail(link: PipelineLink, code: string): Promise<boolean> {
    return this.transition(link, ['PENDING', 'CRAWLING', 'TAGGING'], 'FAILED', ', error = $4', [
      code.slice(0, 100),
    ]);
  }

  /** The owner's most used tags, offered to the AI tagger for reuse. */
  async ownerTags(ownerId: string, limit = 50): Promise<string[]> {
    const { rows } = await this.db.query(
      `SELECT t->>'name' AS name FROM link.links l, jsonb_array_elements(l.tags) t
        WHERE l.owner_id = $1 AND l.deleted_at IS NULL
        GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT $2`,
      [ownerId, limit],
    );
    return rows.map((r: { name: string }) => r.name);
  }

  private async transition(
    link: PipelineLink,
    from: LinkStatus[],
    to: LinkStatus,
    extraSets: string,
    extraValues: unknown[] = [],
  ): Promise<boolean> {
    const applied = await inTransaction(this.db, async (tx) => {
      const { rows } = await tx.query<{ visibility: PipelineLink['visibility'] }>(
        `UPDATE link.links
            SET status = '${to}', status_changed_at = now(), updated_at = now()
                ${to === 'FAILED' ? '' : ', error = NULL'} ${extraSets}
          WHERE id = $1 AND crawl_generation = $2 AND status = ANY($3::text[]) AND deleted_at IS NULL
          RETURNING visibility`,
        [link.id, link.generation, from, ...extraValues],
      );
      if (!rows[0]) return false;
      await announce(tx, { ...link, status: to, visibility: rows[0].visibility });
      return true;
    });
    if (applied) link.status = to;
    return applied;
  }
}

const announce = (tx: PoolClient, link: PipelineLink) =>
  emitEvent(tx, 'link', linkUpdated, {
    linkId: link.id,
    ownerId: link.ownerId,
    status: link.status,
    visibility: link.visibility,
  });
