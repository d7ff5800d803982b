import { escapeHtml } from '@link-archive/core';
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

/** What a snippet is cut from: the title and the excerpt (or description) of a link (alias `l`). */
const SNIPPET_SOURCE = `coalesce(l.title, '') || ' — ' || coalesce(nullif(l.excerpt, ''), l.description, '')`;

/**
 * The columns a snippet is made from, for a select list (alias `l`, `:searchEnglish` bound): the source text and
 * PostgreSQL's ts_headline of it, which marks the English words (stemmed).
 */
export const snippetColumnsSql = `${SNIPPET_SOURCE} AS snippet_source,
  CASE WHEN :searchEnglish = '' THEN '' ELSE ts_headline('english', ${SNIPPET_SOURCE},
    websearch_to_tsquery('english', :searchEnglish),
    'StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "')
  END AS snippet_headline`;

export interface SnippetColumns {
  snippet_source: string;
  snippet_headline: string;
}

/**
 * A link's snippet: title and excerpt (or description) around the matches, HTML-escaped, matches in `<mark>`.
 * Korean words are marked where they appear, and make the window when no English word was marked.
 */
export function snippet(row: SnippetColumns, terms: SearchTerms): string {
  const marked = row.snippet_headline.includes(START)
    ? markEach(row.snippet_headline, terms.koreanWords)
    : markWords(row.snippet_source, terms.koreanWords);
  return escapeHtml(marked).replaceAll(START, '<mark>').replaceAll(STOP, '</mark>');
}
