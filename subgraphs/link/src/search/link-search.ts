import { badInput, isUuid, pageSize, type Page, type Viewer } from '@link-archive/core';
import { LRUCache } from 'lru-cache';
import type { Repository } from 'typeorm';
import type { Link } from '../link/link.entity';
import { VisibilityPolicy } from '../link/visibility';
import { snippet, snippetColumnsSql, type SnippetColumns } from './highlight';
import { savedBuckets, savedBucketsQuery } from './saved-buckets';
import {
  documentHoldsSql,
  documentMatchesSql,
  INDEXED_DOCUMENT,
  ownNoteMatchesSql,
  scoreSql,
  searchParameters,
  searchTerms,
  tsquerySql,
  type SearchTerms,
} from './search-terms';

const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * How many of the newest matches are ranked. A common word matches a large part of a million links; ranking
 * them all reads every one (seconds), so the most relevant are taken from the newest matches. Results beyond the
 * window are not offered (as search APIs cap results): 300 is fifteen pages of twenty. Finding and ranking the
 * window costs about in proportion to its size (at 1,000, a search took 19 ms in the database alone; at 300, 13).
 */
export const SEARCH_WINDOW = 300;

/**
 * How the window (the newest SEARCH_WINDOW visible matches) is found. Every plan finds the same rows; what they
 * cost depends on how common the query is (f: the share of links it matches):
 * - `walk`: the newest links in created_at order, each tested, until the window is full: about
 *   SEARCH_WINDOW / f rows, the cheapest for common queries;
 * - `slice`: the text index's matches of the query AND the days, weeks or months the newest `hours` were saved in
 *   (see saved-buckets), sized to hold the window: only the slice's matching rows are read;
 * - `all`: the text index's matches alone, newest first: f·N rows, the cheapest for rare queries.
 */
export type WindowPlan = { kind: 'walk'; rows: number } | { kind: 'slice'; hours: number } | { kind: 'all' };

export interface PlanLimits {
  /** A walk is planned when the window should be full within this many newest links. */
  walkRows: number;
  /** Fewer expected matches than this are read from the text index alone. */
  allMatches: number;
}
/**
 * Measured at 1,000,000 links: a walk tests about one link a µs; every match the text index gives is a row read,
 * 2-3 µs from shared buffers and 5-20 µs when its page must come from the OS (the usual case for a query not asked
 * lately: the table is ten times the buffers). A slice reads about twice the window's rows whatever the query's
 * matches, so a query expected in more than twice that many links is sliced. A walk is planned for a query in one
 * link of fifteen or more.
 */
const PLAN_LIMITS: PlanLimits = { walkRows: 15 * SEARCH_WINDOW, allMatches: 4 * SEARCH_WINDOW };
/** A plan reaches this far beyond where the window is expected, since visibility and chance thin the matches. */
const HEADROOM = 2;
/** Slices past ten years are everything. */
const MAX_SLICE_HOURS = 10 * 365 * 24;
/** How long the link count and saving rate are trusted. */
const STATS_TTL_MS = 10 * 60_000;
/** How many queries' match estimates are kept. */
const ESTIMATES_KEPT = 10_000;
/** The saves of the last day counted up to this (enough to size a slice). */
const RATE_COUNT_CAP = 200_000;

interface LinkStats {
  /** the planner's count of links, the base of its match estimates */
  links: number;
  savesPerHour: number;
  /** hours since the oldest link */
  spanHours: number;
}

/**
 * The plan for a query the planner expects to match `estimate` links. A slice of several common words costs more
 * in the text index than all their matches (it goes through the slice's bucket entries, ~0.2 µs each, when every
 * word is commoner than a bucket), but it reads a few hundred rows instead of thousands, which is what a search
 * waits for: two common words in 4,901 links took 113 ms with their pages outside shared buffers, 14 ms sliced
 * (1,000,000 links, the database alone).
 */
export function windowPlan(estimate: number, stats: LinkStats, limits: PlanLimits = PLAN_LIMITS): WindowPlan {
  const share = Math.min(Math.max(estimate, 1) / Math.max(stats.links, 1), 1);
  const rowsHoldingWindow = SEARCH_WINDOW / share;
  if (rowsHoldingWindow <= limits.walkRows)
    return { kind: 'walk', rows: Math.ceil(rowsHoldingWindow * HEADROOM) };
  if (estimate < limits.allMatches) return { kind: 'all' };
  return slice((rowsHoldingWindow * HEADROOM) / stats.savesPerHour, stats);
}

/** The next plan after one that found only `found` matches: a slice reaching back far enough to hold a window. */
export function widened(plan: WindowPlan, found: number, stats: LinkStats): WindowPlan {
  if (plan.kind === 'all') return { kind: 'all' };
  const grow = Math.max(2, (HEADROOM * SEARCH_WINDOW) / Math.max(found, 1));
  return slice(plan.kind === 'walk' ? (plan.rows * grow) / stats.savesPerHour : plan.hours * grow, stats);
}

/** A slice of the newest `hours`, or everything once it would reach back to the oldest link. */
const slice = (hours: number, stats: LinkStats): WindowPlan =>
  Math.ceil(hours) >= Math.min(stats.spanHours, MAX_SLICE_HOURS)
    ? { kind: 'all' }
    : { kind: 'slice', hours: Math.ceil(hours) };

/**
 * The longest walk a cursor may ask for (what the default limits plan at most). A cursor is the client's to send;
 * a shorter walk than its first page's only falls short and is widened, so clamping changes no result.
 */
const MAX_CURSOR_WALK_ROWS = PLAN_LIMITS.walkRows * HEADROOM;

const planToken = (plan: WindowPlan) =>
  plan.kind === 'walk' ? `w${plan.rows}` : plan.kind === 'slice' ? String(plan.hours) : '0';
function planFromToken(token: string | undefined): WindowPlan | null {
  const walk = token?.startsWith('w');
  const n = Number(walk ? token!.slice(1) : token);
  if (!token || !Number.isInteger(n) || n < 0) return null;
  if (walk) return n > 0 ? { kind: 'walk', rows: Math.min(n, MAX_CURSOR_WALK_ROWS) } : null;
  if (n > MAX_SLICE_HOURS) return null;
  return n === 0 ? { kind: 'all' } : { kind: 'slice', hours: n };
}

/** A page position: the last score and id seen, the moment the window was taken and how it was found. */
interface SearchCursor {
  score: number;
  id: string;
  asOf: string;
  plan: WindowPlan;
}
const encodeCursor = (c: SearchCursor) =>
  Buffer.from(`${c.score}|${c.id}|${c.asOf}|${planToken(c.plan)}`).toString('base64url');
function decodeCursor(after: string | null | undefined): SearchCursor | null {
  if (!after) return null;
  const [score, id, asOf, token] = Buffer.from(after, 'base64url').toString('utf8').split('|');
  const value = Number(score);
  const plan = planFromToken(token);
  if (
    !id ||
    !isUuid(id) ||
    !score ||
    !Number.isFinite(value) ||
    !asOf ||
    Number.isNaN(Date.parse(asOf)) ||
    !plan
  )
    throw badInput('after', 'after is not a valid cursor');
  return { score: value, id, asOf, plan };
}

/** A ranked link: its columns (aliased by property name), its score and snippet, and the window's facts. */
interface RankedRow extends SnippetColumns, Record<string, unknown> {
  id: string;
  score: number;
  /** to the microsecond, as created_at is */
  as_of: string;
  /** matches of the shared documents the plan found (SEARCH_WINDOW at most) */
  shared_matches: number;
}

/**
 * searchLinks: ranked full text over every link the viewer may see (their own, PUBLIC ones, FOLLOWERS ones of
 * people they follow), with a highlighted snippet each. The window is the newest SEARCH_WINDOW matches created
 * by the first page's time, so later pages rank the same set while links are added; pages are keyed on
 * (score, id) within it.
 */
export class LinkSearch {
  private stats: (LinkStats & { until: number }) | null = null;
  private readonly estimates = new LRUCache<string, number>({ max: ESTIMATES_KEPT, ttl: STATS_TTL_MS });
  /** Every column of a link, named by its property (alias `l`). */
  private readonly entityColumns: string;

  constructor(
    private readonly links: Repository<Link>,
    private readonly limits: PlanLimits = PLAN_LIMITS,
  ) {
    this.entityColumns = links.metadata.columns
      .map((c) => `l.${c.databaseName} AS "${c.propertyName}"`)
      .join(', ');
  }

  /** The planner's link count, the saving rate of the last day and the oldest link's age, read every STATS_TTL_MS. */
  private async linkStats(): Promise<LinkStats> {
    if (!this.stats || this.stats.until < Date.now()) {
      const [{ links, saves, oldest }] = await this.links.query(
        `SELECT (SELECT reltuples::float8 FROM pg_class WHERE oid = 'link.links'::regclass) AS links,
                (SELECT count(*)::int FROM (SELECT 1 FROM link.links
                  WHERE deleted_at IS NULL AND created_at > now() - interval '1 day' LIMIT ${RATE_COUNT_CAP}) day) AS saves,
                (SELECT min(created_at) FROM link.links WHERE deleted_at IS NULL) AS oldest`,
      );
      this.stats = {
        links: Math.max(Number(links), 1),
        savesPerHour: Math.max(saves / 24, 1),
        spanHours: oldest ? (Date.now() - new Date(oldest).getTime()) / 3_600_000 : 0,
        until: Date.now() + STATS_TTL_MS,
      };
    }
    return this.stats;
  }

  /**
   * How many links the planner expects the query's shared documents to match (from the column's statistics), kept
   * as long as the link count: people repeat searches, and the estimate only picks how the window is found.
   */
  private async estimate(terms: SearchTerms): Promise<number> {
    const key = `${terms.english}\u0000${terms.korean}`;
    const known = this.estimates.get(key);
    if (known !== undefined) return known;
    const estimate = await this.plannerEstimate(terms);
    this.estimates.set(key, estimate);
    return estimate;
  }

  private async plannerEstimate(terms: SearchTerms): Promise<number> {
    const [statement, values] = this.links.manager.connection.driver.escapeQueryWithParameters(
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM link.links l WHERE ${documentMatchesSql(terms)}`,
      searchParameters(terms),
      {},
    );
    const [row] = await this.links.query(statement, values);
    return Number(row['QUERY PLAN'][0].Plan['Plan Rows']);
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
    const stats = await this.linkStats();
    let plan = cursor?.plan ?? windowPlan(await this.estimate(terms), stats, this.limits);
    let ranked = await this.rank(viewer, terms, { asOf, plan, cursor, take: limit + 1 });
    // a walk or slice that fell short of a window (the estimate was off) leaves newer matches outside it
    // (a later page past its window's last row has no row to tell)
    while (plan.kind !== 'all' && (ranked[0] ? ranked[0].shared_matches < SEARCH_WINDOW : !cursor)) {
      asOf ??= ranked[0]?.as_of ?? null;
      plan = widened(plan, ranked[0]?.shared_matches ?? 0, stats);
      ranked = await this.rank(viewer, terms, { asOf, plan, cursor, take: limit + 1 });
    }
    asOf ??= ranked[0]?.as_of ?? '';
    const edges = ranked.slice(0, limit).map((row) => {
      const node = this.entity(row);
      node.searchHighlight = snippet(row, terms);
      return { cursor: encodeCursor({ score: Number(row.score), id: row.id, asOf: asOf!, plan }), node };
    });
    return {
      edges,
      pageInfo: { hasNextPage: ranked.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  /** A link from a ranked row's columns, hydrated as TypeORM hydrates a find's. */
  private entity(row: RankedRow): Link {
    const link = this.links.create();
    const driver = this.links.manager.connection.driver;
    for (const column of this.links.metadata.columns)
      column.setEntityValue(link, driver.prepareHydratedValue(row[column.propertyName], column));
    return link;
  }

  /** The window of newest matches (as of asOf) found by the plan, ranked, past the cursor, `take` of them. */
  private async rank(
    viewer: Viewer | null,
    terms: SearchTerms,
    at: { asOf: string | null; plan: WindowPlan; cursor: SearchCursor | null; take: number },
  ): Promise<RankedRow[]> {
    const me = viewer?.userId ?? NOBODY;
    const score = scoreSql(terms);
    const { plan } = at;
    const current = `l.deleted_at IS NULL AND l.created_at <= coalesce(:asOf::timestamptz, 'infinity')`;
    const newest = `ORDER BY l.created_at DESC, l.id DESC LIMIT ${SEARCH_WINDOW}`;
    const visible = VisibilityPolicy.sql;
    const matches = documentMatchesSql(terms);
    const until = at.asOf ? new Date(at.asOf) : new Date();
    const savedIn =
      plan.kind === 'slice'
        ? // to the day after asOf's: links saved now, by the database's clock, are in it whatever this one says
          savedBucketsQuery(
            savedBuckets(
              new Date(until.getTime() - plan.hours * 3_600_000),
              new Date(until.getTime() + 86_400_000),
            ),
          )
        : null;
    // each plan's shape is fixed by a subquery the planner cannot flatten (LIMIT, OFFSET 0): a walk reads the
    // newest links in order; the others take the text index's matches (in a slice, only those saved in its days).
    // The window carries what ranking reads (document, owner, note), so its links are not read again to be ranked.
    const windowColumns = 'l.id, l.created_at, l.owner_id, l.note, l.search_document';
    const shared =
      plan.kind === 'walk'
        ? `SELECT ${windowColumns} FROM (
             SELECT ${windowColumns}, l.visibility FROM link.links l
              WHERE ${current} ORDER BY l.created_at DESC, l.id DESC LIMIT :walkRows) l
            WHERE ${documentHoldsSql(terms)} AND ${visible} ${newest}`
        : `SELECT ${windowColumns} FROM (
             SELECT ${windowColumns}, l.visibility, l.deleted_at FROM link.links l
              WHERE ${savedIn ? `${INDEXED_DOCUMENT} @@ (${tsquerySql(terms)} && :savedIn::tsquery)` : matches}
             OFFSET 0) l
            WHERE ${current} AND ${visible} ${newest}`;
    // own notes are a branch of their own (an OR with the note would read every match): the notes' text index
    // finds them. Only the page's links are read whole, with their snippets.
    const sql = `
      WITH shared AS (${shared}),
      win AS (
        SELECT * FROM (
          (SELECT * FROM shared)
          UNION ALL
          (SELECT ${windowColumns} FROM link.links l
            WHERE ${current} AND ${ownNoteMatchesSql(terms)} AND NOT (${documentHoldsSql(terms)}) ${newest})
        ) l ${newest}),
      ranked AS (
        SELECT l.id, ${score} AS score FROM win l
         ${at.cursor ? `WHERE (${score}, l.id) < (:afterScore::float8, :afterId::uuid)` : ''}
         ORDER BY score DESC, l.id DESC LIMIT :take)
      SELECT ${this.entityColumns}, r.score, ${snippetColumnsSql},
             (SELECT count(*) FROM shared)::int AS shared_matches,
             to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS as_of
        FROM ranked r JOIN link.links l ON l.id = r.id
       ORDER BY r.score DESC, r.id DESC`;
    const [statement, values] = this.links.manager.connection.driver.escapeQueryWithParameters(
      sql,
      {
        ...searchParameters(terms),
        me,
        viewer: me,
        isAdmin: viewer?.role === 'ADMIN',
        asOf: at.asOf,
        savedIn,
        walkRows: plan.kind === 'walk' ? plan.rows : null,
        afterScore: at.cursor?.score ?? null,
        afterId: at.cursor?.id ?? null,
        take: at.take,
      },
      {},
    );
    return this.links.query(statement, values);
  }
}
