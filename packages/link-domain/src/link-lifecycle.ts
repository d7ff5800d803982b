import type { LinkArticles } from './link-articles';
import {
  emitEvent,
  forgetFollows,
  linkDeleted,
  linkSaved,
  queryRows,
  type Queryable,
} from '@link-archive/events';
import { announceLinkChange } from './link-events';
import { LINK_SCHEMA, LinkStatus, type Visibility } from './link-enums';
import type { StoredTag } from './link-tags';
import type { Transactor } from '@link-archive/events';

export interface NewLink {
  ownerId: string;
  ownerPlan: string;
  url: string;
  normalizedUrl: string;
  note: string | null;
  tags: StoredTag[];
  visibility: Visibility;
}

/**
 * A person's save: a new PENDING link with link.saved and its first link.updated, or nothing when the owner
 * already has a live link at that normalized URL (a unique index decides, also under concurrent saves).
 * Returns the new link's id, or null for a repeated save.
 */
export function insertLink(transaction: Transactor, link: NewLink): Promise<string | null> {
  return transaction(async (tx) => {
    const [row] = await queryRows<{ id: string }>(
      tx,
      `INSERT INTO link.links (owner_id, url, normalized_url, note, tags, visibility, owner_plan)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)
       ON CONFLICT (owner_id, normalized_url) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [
        link.ownerId,
        link.url,
        link.normalizedUrl,
        link.note,
        JSON.stringify(link.tags),
        link.visibility,
        link.ownerPlan,
      ],
    );
    if (!row) return null;
    const ids = { linkId: row.id, ownerId: link.ownerId };
    await emitEvent(tx, LINK_SCHEMA, linkSaved, {
      ...ids,
      visibility: link.visibility,
      tags: link.tags.map((t) => t.name),
    });
    await announceLinkChange(
      tx,
      { id: row.id, ownerId: link.ownerId, visibility: link.visibility },
      LinkStatus.PENDING,
    );
    return row.id;
  });
}

export interface LinkEdits {
  /** undefined: unchanged; null: cleared. */
  note?: string | null;
  tags?: StoredTag[];
  visibility?: Visibility;
}

/** The owner's edit of a live link, announced as link.updated (status null); false when the link is gone. */
export function applyEdits(
  transaction: Transactor,
  link: { id: string; ownerId: string },
  edits: LinkEdits,
): Promise<boolean> {
  return transaction(async (tx) => {
    const [row] = await queryRows<{ visibility: Visibility }>(
      tx,
      `UPDATE link.links
          SET note = CASE WHEN $2::boolean THEN $3::text ELSE note END,
              tags = COALESCE($4::jsonb, tags),
              visibility = COALESCE($5::text, visibility),
              updated_at = now()
        WHERE id = $1 AND deleted_at IS NULL
        RETURNING visibility`,
      [
        link.id,
        edits.note !== undefined,
        edits.note ?? null,
        edits.tags ? JSON.stringify(edits.tags) : null,
        edits.visibility ?? null,
      ],
    );
    if (!row) return false;
    await announceLinkChange(tx, { ...link, visibility: row.visibility }, null);
    return true;
  });
}

/**
 * The owner deletes a link: its row stays as a tombstone (offline sync tells devices), its readable copy goes,
 * and link.deleted goes out.
 */
export async function tombstoneLink(
  tx: Queryable,
  link: { id: string; ownerId: string },
  articles: LinkArticles,
): Promise<void> {
  await articles.removeFor(tx, { linkId: link.id });
  await tx.query(
    `UPDATE link.links SET deleted_at = now(), updated_at = now(), content_key = NULL
      WHERE id = $1 AND deleted_at IS NULL`,
    [link.id],
  );
  await emitEvent(tx, LINK_SCHEMA, linkDeleted, { linkId: link.id, ownerId: link.ownerId });
}

/**
 * A new crawl generation back at PENDING (the owner's recrawl): jobs of the previous generation, still queued
 * or running, change nothing. Returns the new generation, or null when the link is gone.
 */
export async function restartCrawl(
  transaction: Transactor,
  link: { id: string; ownerId: string },
  ownerPlan: string,
): Promise<number | null> {
  return transaction(async (tx) => {
    const [row] = await queryRows<{ generation: number; visibility: Visibility }>(
      tx,
      `UPDATE link.links
          SET status = 'PENDING', error = NULL, crawl_generation = crawl_generation + 1, status_changed_at = now(),
              updated_at = now(), owner_plan = $2
        WHERE id = $1 AND deleted_at IS NULL
        RETURNING crawl_generation AS generation, visibility`,
      [link.id, ownerPlan],
    );
    if (!row) return null;
    await announceLinkChange(tx, { ...link, visibility: row.visibility }, LinkStatus.PENDING);
    return row.generation;
  });
}

export interface RecrawlAges {
  placeHours: number;
  productHours: number;
  pageHours: number;
}

/**
 * Stale READY links start a new crawl generation: places and products change (hours, prices, ratings) and
 * come back daily by default, other pages monthly. An age of 0 turns a kind off. Each move back to PENDING
 * emits link.updated like any other status change. Returns what the caller must queue.
 */
export function restartStaleCrawls(transaction: Transactor, ages: RecrawlAges, limit: number) {
  return transaction(async (tx) => {
    const rows = await queryRows<{ id: string; ownerId: string; generation: number; visibility: Visibility }>(
      tx,
      `UPDATE link.links l
          SET crawl_generation = crawl_generation + 1, status = 'PENDING', status_changed_at = now(),
              updated_at = now()
        WHERE l.id IN (
          SELECT id FROM link.links
           WHERE status = 'READY' AND deleted_at IS NULL AND crawled_at IS NOT NULL
             AND CASE page_kind
                   WHEN 'PLACE' THEN $1 > 0 AND crawled_at < now() - $1 * interval '1 hour'
                   WHEN 'PRODUCT' THEN $2 > 0 AND crawled_at < now() - $2 * interval '1 hour'
                   ELSE $3 > 0 AND crawled_at < now() - $3 * interval '1 hour'
                 END
           ORDER BY crawled_at LIMIT ${Number(limit)}
           FOR UPDATE SKIP LOCKED)
        RETURNING l.id, l.owner_id AS "ownerId", l.crawl_generation AS generation, l.visibility`,
      [ages.placeHours, ages.productHours, ages.pageHours],
    );
    for (const link of rows) await announceLinkChange(tx, link, LinkStatus.PENDING);
    return rows;
  });
}

/**
 * An erased account's links go for good (tombstones too: no device of that account syncs again), each
 * announced as link.deleted so reviews, feed items and thumbnails of it go as well; its follow edges leave the
 * visibility projection. Their readable copies are deleted before the rows.
 */
export async function eraseOwner(tx: Queryable, ownerId: string, articles: LinkArticles): Promise<void> {
  await articles.removeFor(tx, { ownerId });
  const links = await queryRows<{ id: string }>(
    tx,
    'SELECT id FROM link.links WHERE owner_id = $1 FOR UPDATE',
    [ownerId],
  );
  await tx.query('DELETE FROM link.links WHERE owner_id = $1', [ownerId]);
  for (const { id } of links) await emitEvent(tx, LINK_SCHEMA, linkDeleted, { linkId: id, ownerId });
  await forgetFollows(tx, LINK_SCHEMA, ownerId);
}
