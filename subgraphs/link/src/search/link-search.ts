import { badInput, isUuid, pageSize, type Page, type Viewer } from '@link-archive/core';
import { In, type Repository } from 'typeorm';
import type { Link } from '../link/link.entity';
import { VisibilityPolicy } from '../link/visibility';
import { highlight } from './highlight';
import {
  documentMatchesSql,
  ownNoteMatchesSql,
  scoreSql,
  searchParameters,
  searchTerms,
  type SearchTerms,
} from './search-terms';

const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * How many of the newest matches are ranked. A common word matches a large part of a million links; ranking
 * them all reads every one (seconds), so the most relevant are taken from the newest matches. Results beyond the
 * window are not offered (as search APIs cap results).
 */
export const SEARCH_WINDOW = 1000;

/**
 * Where the window is looked for: first the newest hours that hold about FIRST_SLICE_ROWS links (from how many
 * were saved in the last day), then a slice grown by how many matches the last one held (to about 1.5 windows'
 * worth), then everything. A common word fills the window within a recent slice, whose matches the text index
 * and the created_at index narrow down together; a rare one reads its few matches wherever they are. Either way
 * about a window's rows are read, in one to three statements, however many links are saved a day.
 */
const FIRST_SLICE_ROWS = 20_000;
/** Slices past ten years are everything (0). */
const MAX_SLICE_HOURS = 10 * 365 * 24;
/** How long the recent saving rate is trusted. */
const RATE_TTL_MS = 10 * 60_000;
/** The saves of the last day counted up to this (enough to size a slice). */
const RATE_COUNT_CAP = 200_000;

/** The next slice after one of `hours` held `matches`; everything (0) once it would reach back to `spanHours`. */
function grownSlice(hours: number, matches: number, spanHours: number): number {
  const grown = Math.ceil(hours * Math.max(2, (1.5 * SEARCH_WINDOW) / Math.max(matches, 1)));
  return grown >= Math.min(spanHours, MAX_SLICE_HOURS) ? 0 : grown;
}

/** A page position: the last score and id seen, the moment the window was taken and the slice that held it. */
interface SearchCursor {
  score: number;
  id: string;
  asOf: string;
  /** hours back from asOf; 0: all */
  slice: number;
}
const encodeCursor = (c: SearchCursor) =>
  Buffer.from(`${c.score}|${c.id}|${c.asOf}|${c.slice}`).toString('base64url');
function decodeCursor(after: string | null | undefined): SearchCursor | null {
  if (!after) return null;
  const [score, id, asOf, slice] = Buffer.from(after, 'base64url').toString('utf8').split('|');
  const value = Number(score);
  const hours = Number(slice);
  if (
    !id ||
    !isUuid(id) ||
    !score ||
    !Number.isFinite(value) ||
    !asOf ||
    Number.isNaN(Date.parse(asOf)) ||
    !Number.isInteger(hours) ||
    hours < 0 ||
    hours > MAX_SLICE_HOURS
  )
    throw badInput('after', 'after is not a valid cursor');
  return { score: value, id, asOf, slice: hours };
}

interface RankedRow {
  id: string;
  score: number;
  /** to the microsecond, as created_at is */
  as_of: string;
  window_size: number;
}

/**
 * searchLinks: ranked full text over every link the viewer may see (their own, PUBLIC ones, FOLLOWERS ones of
 * people they follow), with a highlighted snippet each. The window is the newest SEARCH_WINDOW matches created
 * by the first page's time, so later pages rank the same set while links are added; pages are keyed on
 * (score, id) within it.
 */
export class LinkSearch {
  private recent: { savesPerHour: number; oldest: number; until: number } | null = null;

  constructor(
    private readonly links: Repository<Link>,
    /** About how many links the first slice holds (smaller in tests, to make them take several slices). */
    private readonly firstSliceRows = FIRST_SLICE_ROWS,
  ) {}

  /** The saving rate of the last day and the oldest link's time, read again every RATE_TTL_MS. */
  private async recentSaves(): Promise<{ savesPerHour: number; oldest: number }> {
    if (!this.recent || this.recent.until < Date.now()) {
      const [{ saves, oldest }] = await this.links.query(
        `SELECT (SELECT count(*)::int FROM (SELECT 1 FROM link.links
                  WHERE deleted_at IS NULL AND created_at > now() - interval '1 day' LIMIT ${RATE_COUNT_CAP}) day) AS saves,
                (SELECT min(created_at) FROM link.links WHERE deleted_at IS NULL) AS oldest`,
      );
      this.recent = {
        savesPerHour: Math.max(saves / 24, 1),
        oldest: oldest ? new Date(oldest).getTime() : Date.now(),
        until: Date.now() + RATE_TTL_MS,
      };
    }
    return this.recent;
  }

  async search(
    viewer: Viewer | null,
    query: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<Link>> {
    const terms = searchTerms('query', query);
    const limit = pageSize(first);
    const cursor = decodeCursor(after);
    let asOf = cursor?.asOf ?? null;
    const recent = await this.recentSaves();
    // a slice reaching back to the oldest link is everything
    const spanHours = (Date.now() - recent.oldest) / 3_600_000;
    let slice = cursor?.slice ?? Math.max(Math.ceil(this.firstSliceRows / recent.savesPerHour), 1);
    if (!cursor && slice >= spanHours) slice = 0;
    let ranked = await this.rank(viewer, terms, { asOf, slice, cursor, take: limit + 1 });
    // a first page widens the slice until it holds a full window; later pages keep the first page's
    while (!cursor && slice !== 0 && (ranked[0]?.window_size ?? 0) < SEARCH_WINDOW) {
      asOf ??= ranked[0]?.as_of ?? null;
      slice = grownSlice(slice, ranked[0]?.window_size ?? 0, spanHours);
      ranked = await this.rank(viewer, terms, { asOf, slice, cursor, take: limit + 1 });
    }
    asOf ??= ranked[0]?.as_of ?? '';
    const page = ranked.slice(0, limit);
    const byId = new Map(
      (page.length ? await this.links.findBy({ id: In(page.map((r) => r.id)) }) : []).map((l) => [l.id, l]),
    );
    const nodes = page.map((r) => byId.get(r.id)).filter((l): l is Link => !!l);
    const snippets = await highlight(this.links, nodes, terms);
    const edges = page
      .filter((r) => byId.has(r.id))
      .map((r) => {
        const node = byId.get(r.id)!;
        node.searchHighlight = snippets.get(node.id) ?? null;
        return { cursor: encodeCursor({ score: Number(r.score), id: r.id, asOf: asOf!, slice }), node };
      });
    return {
      edges,
      pageInfo: { hasNextPage: ranked.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  /** The window of newest matches in the slice (as of asOf), ranked, past the cursor, `take` of them. */
  private async rank(
    viewer: Viewer | null,
    terms: SearchTerms,
    at: { asOf: string | null; slice: number; cursor: SearchCursor | null; take: number },
  ): Promise<RankedRow[]> {
    const me = viewer?.userId ?? NOBODY;
    const score = scoreSql(terms);
    // the slice's start as a constant, so the planner can weigh the created_at index against the text index's
    // matches (any start is correct: a slice only bounds where the newest matches are looked for)
    const since = at.slice
      ? new Date((at.asOf ? Date.parse(at.asOf) : Date.now()) - at.slice * 3_600_000).toISOString()
      : null;
    const common = `l.deleted_at IS NULL AND l.created_at <= coalesce(:asOf::timestamptz, 'infinity')
      ${since ? `AND l.created_at > :since::timestamptz` : ''}`;
    const newest = `ORDER BY l.created_at DESC, l.id DESC LIMIT ${SEARCH_WINDOW}`;
    const columns = 'l.id, l.owner_id, l.note, l.search_document, l.created_at';
    // two branches, so the text index and the created_at index narrow the shared documents' matches together
    // (an OR with the note would make it read every match); own notes are few: the owner's index finds them
    const sql = `
      WITH win AS (
        SELECT * FROM (
          (SELECT ${columns} FROM link.links l
            WHERE ${common} AND ${documentMatchesSql(terms)} AND ${VisibilityPolicy.sql} ${newest})
          UNION ALL
          (SELECT ${columns} FROM link.links l
            WHERE ${common} AND ${ownNoteMatchesSql(terms)} AND NOT (${documentMatchesSql(terms)}) ${newest})
        ) l ${newest})
      SELECT l.id, ${score} AS score, (SELECT count(*) FROM win)::int AS window_size,
             to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS as_of
        FROM win l
       ${at.cursor ? `WHERE (${score}, l.id) < (:afterScore::float8, :afterId::uuid)` : ''}
       ORDER BY score DESC, l.id DESC LIMIT :take`;
    const [statement, values] = this.links.manager.connection.driver.escapeQueryWithParameters(
      sql,
      {
        ...searchParameters(terms),
        me,
        viewer: me,
        isAdmin: viewer?.role === 'ADMIN',
        asOf: at.asOf,
        since,
        afterScore: at.cursor?.score ?? null,
        afterId: at.cursor?.id ?? null,
        take: at.take,
      },
      {},
    );
    return this.links.query(statement, values);
  }
}
