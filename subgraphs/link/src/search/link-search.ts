import { badInput, isUuid, pageSize, type Page, type Viewer } from '@link-archive/core';
import type { Repository } from 'typeorm';
import type { Link } from '../link/link.entity';
import { VisibilityPolicy } from '../link/visibility';
import { highlight } from './highlight';
import { matchesSql, scoreSql, searchParameters, searchTerms } from './search-terms';

const NOBODY = '00000000-0000-0000-0000-000000000000';

/** A page position in a ranked result: the last score and id seen. */
const encodeCursor = (score: number, id: string) => Buffer.from(`${score}|${id}`).toString('base64url');
function decodeCursor(after: string | null | undefined): { score: number; id: string } | null {
  if (!after) return null;
  const [score, id] = Buffer.from(after, 'base64url').toString('utf8').split('|');
  const value = Number(score);
  if (!id || !isUuid(id) || !score || !Number.isFinite(value))
    throw badInput('after', 'after is not a valid cursor');
  return { score: value, id };
}

/**
 * searchLinks: ranked full text over every link the viewer may see (their own, PUBLIC ones, FOLLOWERS ones of
 * people they follow), with a highlighted snippet each. Pages are keyed on (score, id), so they stay stable
 * while links are added.
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
    const qb = this.links
      .createQueryBuilder('l')
      .addSelect(score, 'score')
      .where('l.deleted_at IS NULL')
      .andWhere(matchesSql(terms))
      .andWhere(VisibilityPolicy.sql)
      .setParameters({
        ...searchParameters(terms),
        me,
        viewer: me,
        isAdmin: viewer?.role === 'ADMIN',
      });
    if (cursor)
      qb.andWhere(`(${score}, l.id) < (:afterScore::float8, :afterId::uuid)`, {
        afterScore: cursor.score,
        afterId: cursor.id,
      });
    const { entities, raw } = await qb
      .orderBy(score, 'DESC')
      .addOrderBy('l.id', 'DESC')
      .limit(limit + 1)
      .getRawAndEntities<{ score: number }>();
    const nodes = entities.slice(0, limit);
    const snippets = await highlight(this.links, nodes, terms);
    const edges = nodes.map((node, i) => {
      node.searchHighlight = snippets.get(node.id) ?? null;
      return { cursor: encodeCursor(Number(raw[i]!.score), node.id), node };
    });
    return {
      edges,
      pageInfo: { hasNextPage: entities.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }
}
