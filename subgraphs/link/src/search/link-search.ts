import { badInput, isUuid, pageSize, type Page, type Viewer } from '@link-archive/core';
import { In, type Repository } from 'typeorm';
import type { Link } from '../link/link.entity';
import { VisibilityPolicy } from '../link/visibility';
import { highlight } from './highlight';
import { matchesSql, scoreSql, searchParameters, searchTerms } from './search-terms';

const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * How many of the newest matches are ranked. A common word matches a large part of a million links; ranking
 * them all reads every one (seconds), so the most relevant are taken from the newest matches, which the
 * created_at index yields in order. Results beyond the window are not offered (as search APIs cap results).
 */
export const SEARCH_WINDOW = 1000;

/** A page position: the last score and id seen, and the moment the search's window was taken. */
interface SearchCursor {
  score: number;
  id: string;
  asOf: string;
}
const encodeCursor = (c: SearchCursor) => Buffer.from(`${c.score}|${c.id}|${c.asOf}`).toString('base64url');
function decodeCursor(after: string | null | undefined): SearchCursor | null {
  if (!after) return null;
  const [score, id, asOf] = Buffer.from(after, 'base64url').toString('utf8').split('|');
  const value = Number(score);
  if (!id || !isUuid(id) || !score || !Number.isFinite(value) || !asOf || Number.isNaN(Date.parse(asOf)))
    throw badInput('after', 'after is not a valid cursor');
  return { score: value, id, asOf };
}

interface RankedRow {
  id: string;
  score: number;
  /** to the microsecond, as created_at is */
  as_of: string;
}

/**
 * searchLinks: ranked full text over every link the viewer may see (their own, PUBLIC ones, FOLLOWERS ones of
 * people they follow), with a highlighted snippet each. The window is the newest SEARCH_WINDOW matches created
 * by the first page's time, so later pages rank the same set while links are added; pages are keyed on
 * (score, id) within it.
 */
export class LinkSearch {
  constructor(private readonly links: Repository<Link>) {}

  async search(
    viewer: Viewer | null,
    query: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<Link>> {
    const terms = searchTerms('query', query);
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    const me = viewer?.userId ?? NOBODY;
    const score = scoreSql(terms);
    const sql = `
      SELECT l.id, ${score} AS score, to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS as_of
        FROM (SELECT l.id, l.owner_id, l.note, l.search_document FROM link.links l
               WHERE l.deleted_at IS NULL AND l.created_at <= coalesce(:asOf::timestamptz, 'infinity')
                 AND ${matchesSql(terms)} AND ${VisibilityPolicy.sql}
               ORDER BY l.created_at DESC, l.id DESC LIMIT ${SEARCH_WINDOW}) l
       ${cursor ? `WHERE (${score}, l.id) < (:afterScore::float8, :afterId::uuid)` : ''}
       ORDER BY score DESC, l.id DESC LIMIT :take`;
    const [statement, values] = this.links.manager.connection.driver.escapeQueryWithParameters(
      sql,
      {
        ...searchParameters(terms),
        me,
        viewer: me,
        isAdmin: viewer?.role === 'ADMIN',
        asOf: cursor?.asOf ?? null,
        afterScore: cursor?.score ?? null,
        afterId: cursor?.id ?? null,
        take: limit + 1,
      },
      {},
    );
    const ranked: RankedRow[] = await this.links.query(statement, values);
    const page = ranked.slice(0, limit);
    const byId = new Map(
      (page.length ? await this.links.findBy({ id: In(page.map((r) => r.id)) }) : []).map((l) => [l.id, l]),
    );
    const nodes = page.map((r) => byId.get(r.id)).filter((l): l is Link => !!l);
    const snippets = await highlight(this.links, nodes, terms);
    const asOf = cursor?.asOf ?? ranked[0]?.as_of ?? '';
    const edges = page
      .filter((r) => byId.has(r.id))
      .map((r) => {
        const node = byId.get(r.id)!;
        node.searchHighlight = snippets.get(node.id) ?? null;
        return { cursor: encodeCursor({ score: Number(r.score), id: r.id, asOf }), node };
      });
    return {
      edges,
      pageInfo: { hasNextPage: ranked.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }
}
