import { escapeHtml } from '@link-archive/core';
import type { Repository } from 'typeorm';
import type { Link } from '../link/link.entity';
import type { SearchTerms } from './search-terms';

const START = '\u0001';
const STOP = '\u0002';

/** Marks the query's words where they appear (substring matches: Korean, word parts), case-insensitively. */
function markWords(text: string, words: string[]): string {
  const lower = text.toLowerCase();
  const first = Math.min(...words.map((w) => lower.indexOf(w)).filter((at) => at >= 0));
  if (!Number.isFinite(first)) return text.slice(0, 200);
  const from = Math.max(0, first - 60);
  let window = text.slice(from, first + 200);
  for (const w of words) {
    const at = window.toLowerCase().indexOf(w);
    if (at >= 0)
      window = `${window.slice(0, at)}${START}${window.slice(at, at + w.length)}${STOP}${window.slice(at + w.length)}`;
  }
  return `${from > 0 ? '…' : ''}${window}`;
}

/**
 * A snippet per link: title and excerpt (or description) around the matches, HTML-escaped, matches in
 * `<mark>`. PostgreSQL's ts_headline marks stemmed words; where it marks nothing (a substring match), the
 * query's words are marked where they appear.
 */
export async function highlight(
  links: Repository<Link>,
  page: Link[],
  terms: SearchTerms,
): Promise<Map<string, string>> {
  if (!page.length) return new Map();
  const rows: { id: string; headline: string; source: string }[] = await links.query(
    `SELECT id, coalesce(title, '') || ' — ' || coalesce(nullif(excerpt, ''), description, '') AS source,
            ts_headline('english', coalesce(title, '') || ' — ' || coalesce(nullif(excerpt, ''), description, ''),
              websearch_to_tsquery('english', $1),
              'StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
              AS headline
       FROM link.links WHERE id = ANY($2::uuid[])`,
    [terms.text, page.map((l) => l.id)],
  );
  return new Map(
    rows.map((r) => {
      const words = terms.substrings.map((p: string) => p.slice(1, -1).replace(/\\(.)/g, '$1'));
      const marked = r.headline.includes(START) ? r.headline : markWords(r.source, words);
      return [r.id, escapeHtml(marked).replaceAll(START, '<mark>').replaceAll(STOP, '</mark>')];
    }),
  );
}
