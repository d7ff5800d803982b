import {
  badInput,
  decodeCursor,
  encodeCursor,
  escapeLike,
  forbidden,
  isUuid,
  notFound,
  optionalText,
  pageSize,
  tagKey,
  toPage,
  type Page,
  type Viewer,
} from '@link-archive/core';
import type { Transactor } from '@link-archive/events';
import {
  applyEdits,
  insertLink,
  linkOfSaveRequest,
  rememberSaveRequest,
  restartCrawl,
  tombstoneLink,
  type LinkArticles,
} from '@link-archive/link-domain';
import type { DataSource, Repository } from 'typeorm';
import { userTags, withUserTags } from '../tags/normalize-tag';
import type { TagCount } from '../tags/tag';
import { Link } from './link.entity';
import type { LinkPipeline } from './link-pipeline';
import { Visibility } from './link.enums';
import { MAX_NOTE_LENGTH, type LinkFilter } from './link.inputs';
import { parseSavedUrl } from './url';
import { VisibilityPolicy } from './visibility';
import { matchesSql, searchParameters, searchTerms } from '../search/search-terms';

export interface LinkEdits {
  note?: string | null;
  tags?: string[] | null;
  visibility?: Visibility | null;
}

const cleanNote = (note: string | null | undefined) => optionalText('note', note, MAX_NOTE_LENGTH);

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;
function cleanRequestId(id: string | null | undefined): string | null {
  if (id == null) return null;
  if (!CLIENT_REQUEST_ID.test(id))
    throw badInput('clientRequestId', 'clientRequestId must be 8-100 letters, digits or . _ : -');
  return id;
}

export class LinkService {
  private readonly links: Repository<Link>;
  private readonly transaction: Transactor;

  constructor(
    private readonly ds: DataSource,
    private readonly policy: VisibilityPolicy,
    private readonly pipeline: LinkPipeline,
    private readonly articles: LinkArticles,
  ) {
    this.links = ds.getRepository(Link);
    this.transaction = (work) => ds.transaction((manager) => work(manager));
  }

  /** Idempotent per owner and normalized URL, also under concurrent saves (a unique index decides). */
  async save(
    viewer: Viewer,
    rawUrl: string,
    edits: LinkEdits,
    clientRequestId?: string | null,
  ): Promise<Link> {
    const requestId = cleanRequestId(clientRequestId);
    if (requestId) {
      const earlier = await linkOfSaveRequest(this.ds, viewer.userId, requestId);
      if (earlier) return this.savedEarlier(earlier);
    }
    const link = await this.saveUrl(viewer, rawUrl, edits);
    if (requestId) await rememberSaveRequest(this.ds, viewer.userId, requestId, link.id);
    return link;
  }

  /** A retried request's answer: the link it saved, not a new save (a link deleted since stays deleted). */
  private async savedEarlier(id: string): Promise<Link> {
    const link = await this.links.findOneBy({ id });
    if (!link || link.deletedAt) throw notFound('The link this request saved (deleted since)');
    return link;
  }

  private async saveUrl(viewer: Viewer, rawUrl: string, edits: LinkEdits): Promise<Link> {
    const { url, normalizedUrl } = parseSavedUrl(rawUrl);
    const note = cleanNote(edits.note) ?? null;
    const tags = userTags(edits.tags ?? []);
    const visibility = edits.visibility ?? Visibility.PRIVATE;
    const insertedId = await insertLink(this.transaction, {
      ownerId: viewer.userId,
      ownerPlan: viewer.plan,
      url,
      normalizedUrl,
      note,
      tags,
      visibility,
    });
    const link = insertedId
      ? await this.links.findOneBy({ id: insertedId })
      : await this.links
          .createQueryBuilder('l')
          .where('l.owner_id = :owner AND l.normalized_url = :normalizedUrl AND l.deleted_at IS NULL', {
            owner: viewer.userId,
            normalizedUrl,
          })
          .getOne();
    if (!link) throw new Error('saved link vanished');
    if (insertedId) await this.pipeline.start(link, false);
    return link;
  }

  async list(
    viewer: Viewer | null,
    filter: LinkFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<Link>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    const ownerId = filter?.ownerId ?? viewer?.userId;
    if (!ownerId) throw badInput('filter.ownerId', 'sign in, or name an ownerId to list public links');
    if (!isUuid(ownerId)) return toPage([], limit);
    const qb = this.links
      .createQueryBuilder('l')
      .where('l.owner_id = :ownerId AND l.deleted_at IS NULL', { ownerId });
    if (ownerId !== viewer?.userId) {
      qb.andWhere(VisibilityPolicy.sql, {
        viewer: viewer?.userId ?? '00000000-0000-0000-0000-000000000000',
        isAdmin: viewer?.role === 'ADMIN',
      });
    }
    if (filter?.status) qb.andWhere('l.status = :status', { status: filter.status });
    if (filter?.tag) {
      qb.andWhere('l.tags @> :tagJson::jsonb', { tagJson: JSON.stringify([{ name: tagKey(filter.tag) }]) });
    }
    if (filter?.query) {
      // the same matching as searchLinks (a note is its owner's alone: it matches only the viewer's own links)
      const terms = searchTerms('filter.query', filter.query);
      qb.andWhere(matchesSql(terms), {
        ...searchParameters(terms),
        me: viewer?.userId ?? '00000000-0000-0000-0000-000000000000',
      });
    }
    if (cursor) {
      qb.andWhere('(l.created_at, l.id) < (:createdAt, :id)', cursor);
    }
    const rows = await qb
      .orderBy('l.created_at', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .take(limit + 1)
      .getMany();
    return toPage(rows, limit);
  }

  async update(viewer: Viewer, id: string, edits: LinkEdits): Promise<Link> {
    const link = await this.owned(viewer, id);
    const tags = edits.tags ? withUserTags(link.tags, userTags(edits.tags)) : undefined;
    const applied = await applyEdits(this.transaction, link, {
      note: cleanNote(edits.note),
      tags,
      visibility: edits.visibility ?? undefined,
    });
    if (!applied) throw notFound('Link');
    return (await this.links.findOneBy({ id: link.id }))!;
  }

  async delete(viewer: Viewer, id: string): Promise<boolean> {
    const link = await this.owned(viewer, id);
    await this.transaction((tx) => tombstoneLink(tx, link, this.articles));
    return true;
  }

  /** A signed URL of the link's preserved readable article; the caller has already resolved the link for the viewer. */
  contentUrl(link: Link): Promise<string | null> {
    return link.contentKey ? this.articles.url(link.contentKey) : Promise.resolve(null);
  }

  /** A new crawl generation: jobs of the previous one, still queued or running, change nothing. */
  async recrawl(viewer: Viewer, id: string): Promise<Link> {
    const link = await this.owned(viewer, id);
    if ((await restartCrawl(this.transaction, link, viewer.plan)) === null) throw notFound('Link');
    const restarted = (await this.links.findOneBy({ id: link.id }))!;
    await this.pipeline.start(restarted, true);
    return restarted;
  }

  /** The link as it is now, if the viewer owns it: what a linkUpdated event delivers. */
  async ownedNow(viewer: Viewer, id: string): Promise<Link | null> {
    const link = await this.links.findOneBy({ id, ownerId: viewer.userId });
    return link && !link.deletedAt ? link : null;
  }

  async tagCounts(
    viewer: Viewer,
    prefix: string | null | undefined,
    first?: number | null,
  ): Promise<TagCount[]> {
    const limit = pageSize(first);
    const key = prefix ? tagKey(prefix) : '';
    return this.ds.query(
      `SELECT t->>'name' AS name, count(*)::int AS count
         FROM links l, jsonb_array_elements(l.tags) t
        WHERE l.owner_id = $1 AND l.deleted_at IS NULL AND t->>'name' LIKE $2
        GROUP BY 1 ORDER BY count DESC, name LIMIT $3`,
      [viewer.userId, `${escapeLike(key)}%`, limit],
    );
  }

  /** Offline sync: every change to the viewer's links after `since`, deletions included, oldest first. */
  async changes(viewer: Viewer, since: string | null | undefined, first?: number | null) {
    const limit = pageSize(first);
    const cursor = decodeCursor(since);
    const qb = this.links.createQueryBuilder('l').where('l.owner_id = :owner', { owner: viewer.userId });
    if (cursor) qb.andWhere('(l.updated_at, l.id) > (:createdAt, :id)', cursor);
    const rows = await qb
      .orderBy('l.updated_at', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .take(limit + 1)
      .getMany();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      changes: page.map((l) => ({
        link: l.deletedAt ? null : l,
        deletedId: l.deletedAt ? l.id : null,
        changedAt: l.updatedAt,
      })),
      cursor: last ? encodeCursor({ createdAt: last.updatedAt, id: last.id }) : (since ?? ''),
      hasMore: rows.length > limit,
    };
  }

  /** The link if the viewer owns it; NOT_FOUND if they may not see it, FORBIDDEN if they may but do not own it. */
  private async owned(viewer: Viewer, id: string): Promise<Link> {
    const link = isUuid(id) ? await this.links.findOneBy({ id }) : null;
    if (!link || link.deletedAt) throw notFound('Link');
    if (link.ownerId === viewer.userId) return link;
    const [visible] = await this.policy.filter(viewer, [link]);
    throw visible ? forbidden('Only the owner can change this link') : notFound('Link');
  }
}
