import { escapeHtml } from '@link-archive/core';
import type { Repository } from 'typeorm';
import type { Link } from '../link/link.entity';
import type { SearchTerms } from './search-terms';

const START = '\u0001';
const STOP = '\u0002';

/** Marks the first appearance of each word in `text`, case-insensitively. */
function markEach(text: string, words: string[]): string {
  let marked = text;
  for (const w of words) {
    const at = marked.toLowerCase().indexOf(w);
    if (at >= 0)
      marked = `${marked.slice(0, at)}${START}${marked.slice(at, at + w.length)}${STOP}${marked.slice(at + w.length)}`;
  }
  return marked;
}

/** A window of `text` around the first of the words (Korean word parts), with them marked. */
function markWords(text: string, words: string[]): string {
  const lower = text.toLowerCase();
  const first = Math.min(...words.map((w) => lower.indexOf(w)).filter((at) => at >= 0));
  if (!Number.isFinite(first)) return text.slice(0, 200);
  const from = Math.max(0, first - 60);
  return `${from > 0 ? '…' : ''}${markEach(text.slice(from, first + 200), words)}`;
}

/**
 * A snippet per link: title and excerpt (or description) around the matches, HTML-escaped, matches in
 * `<mark>`. PostgreSQL's ts_headline marks the English words (stemmed); Korean words are marked where they
 * appear, and make the window when no English word was marked.
 */
export async function highlight(
  links: Repository<Link>,
  page: Link[],
  terms: SearchTerms,
): Promise<Map<string, string>> {
  if (!page.length) return new Map();
  const rows: { id: string; headline: string; source: string }[] = await links.query(
    `SELECT id, coalesce(title, '') || ' — ' || coalesce(nullif(excerpt, ''), description, '') AS source,
            CASE WHEN $1 = '' THEN '' ELSE ts_headline('english', coalesce(title, '') || ' — ' || coalesce(nullif(excerpt, ''), description, ''),
              websearch_to_tsquery('english', $1),
              'StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
            END AS headline
       FROM link.links WHERE id = ANY($2::uuid[])`,
    [terms.english, page.map((l) => l.id)],
  );
  return new Map(
    rows.map((r) => {
      const marked = r.headline.includes(START)
        ? markEach(r.headline, terms.koreanWords)
        : markWords(r.source, terms.koreanWords);
      return [r.id, escapeHtml(marked).replaceAll(START, '<mark>').replaceAll(STOP, '</mark>')];
    }),
  );
}
