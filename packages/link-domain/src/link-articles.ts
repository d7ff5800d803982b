import { createHash } from 'node:crypto';
import { queryRows, type Queryable } from '@link-archive/events';
import type { MediaStore } from '@link-archive/storage';

/** Preserved readable articles: private objects, one per link and content (a recrawl that reads the same keeps it). */
export const articleKey = (linkId: string, html: string) =>
  `articles/${linkId}/${createHash('sha256').update(html).digest('hex')}.html`;

/** How long a contentUrl may be used once handed out. */
const URL_SECONDS = 600;

/**
 * The preserved copies of links' readable articles in S3. Stored before the crawl that read them commits (a
 * link's previous copy stays until its new one is stored and recorded), removed with the link.
 */
export class LinkArticles {
  constructor(private readonly store: MediaStore) {}

  async put(linkId: string, html: string): Promise<string> {
    const key = articleKey(linkId, html);
    await this.store.put(key, Buffer.from(html), 'text/html; charset=utf-8');
    return key;
  }

  /** A short-lived URL to read the copy: handed only to whoever may see the link. */
  url(key: string): Promise<string> {
    return this.store.signedGetUrl(key, URL_SECONDS);
  }

  /** Deletes copies (idempotent: a retried erasure deletes again harmlessly). */
  async remove(keys: Iterable<string>): Promise<void> {
    for (const key of new Set(keys)) await this.store.delete(key);
  }

  /**
   * The copies of these links, read under lock inside the transaction that deletes or tombstones them, and
   * deleted before it commits: an erasure that cannot reach S3 fails and is retried, never leaving a copy behind.
   */
  async removeFor(tx: Queryable, where: { ownerId: string } | { linkId: string }): Promise<void> {
    const rows = await queryRows<{ key: string }>(
      tx,
      `SELECT content_key AS key FROM link.links
        WHERE ${'ownerId' in where ? 'owner_id' : 'id'} = $1 AND content_key IS NOT NULL FOR UPDATE`,
      ['ownerId' in where ? where.ownerId : where.linkId],
    );
    await this.remove(rows.map((r) => r.key));
  }
}
