import { queryRows, type Queryable } from '@link-archive/events';
import type { LinkStatus, PageKind, Visibility } from './link-enums';
import type { StoredTag } from './link-tags';

/** A link as the pipeline's jobs read it. */
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
  pageKind: PageKind;
  visibility: Visibility;
  tags: StoredTag[];
  /** The page's main image as the crawl found it: what the thumbnail is made from. */
  imageUrl: string | null;
  /** The preserved readable article's S3 key, from the last crawl that stored one. */
  contentKey: string | null;
}

export const PIPELINE_COLUMNS = `id, owner_id AS "ownerId", owner_plan AS "ownerPlan", url,
  normalized_url AS "normalizedUrl", status, crawl_generation AS generation, deleted_at IS NOT NULL AS deleted,
  title, description, site_name AS "siteName", language, content_text AS "contentText", page_kind AS "pageKind",
  visibility, tags, image_url AS "imageUrl", content_key AS "contentKey"`;

export async function pipelineLink(db: Queryable, id: string): Promise<PipelineLink | null> {
  const rows = await queryRows<PipelineLink>(db, `SELECT ${PIPELINE_COLUMNS} FROM link.links WHERE id = $1`, [
    id,
  ]);
  return rows[0] ?? null;
}

/** The owner's most used tags, offered to the AI tagger for reuse. */
export async function ownerTagNames(db: Queryable, ownerId: string, limit = 50): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    `SELECT t->>'name' AS name FROM link.links l, jsonb_array_elements(l.tags) t
      WHERE l.owner_id = $1 AND l.deleted_at IS NULL
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT $2`,
    [ownerId, limit],
  );
  return rows.map((r) => r.name);
}

/**
 * READY links whose page had an image, crawled in the last `withinHours` but longer ago than `olderThanMs`:
 * the ones that should have a thumbnail by now (the reconciler asks the media domain which do).
 */
export function linksWithImageSince(db: Queryable, olderThanMs: number, withinHours: number, limit: number) {
  return queryRows<{ id: string; ownerId: string; generation: number; imageUrl: string }>(
    db,
    `SELECT id, owner_id AS "ownerId", crawl_generation AS generation, image_url AS "imageUrl" FROM link.links
      WHERE status = 'READY' AND deleted_at IS NULL AND image_url IS NOT NULL
        AND crawled_at < now() - $1 * interval '1 millisecond' AND crawled_at > now() - $2 * interval '1 hour'
      ORDER BY crawled_at DESC LIMIT ${Number(limit)}`,
    [olderThanMs, withinHours],
  );
}

/** Links sitting in a pipeline state for longer than `olderThanMs`, oldest first: the reconciler's scan. */
export function linksInPipelineSince(db: Queryable, olderThanMs: number, limit: number) {
  return queryRows<{ id: string; status: LinkStatus; generation: number }>(
    db,
    `SELECT id, status, crawl_generation AS generation FROM link.links
      WHERE status IN ('PENDING', 'CRAWLING', 'TAGGING') AND deleted_at IS NULL
        AND status_changed_at < now() - $1 * interval '1 millisecond'
      ORDER BY status_changed_at LIMIT ${Number(limit)}`,
    [olderThanMs],
  );
}
