import { badInput, escapeLike, optionalText } from '@link-archive/core';
import { MAX_QUERY_LENGTH } from '../link/link.inputs';

const MAX_WORDS = 8;

/** What a search query matches with: its words stemmed by PostgreSQL, and each word as a substring. */
export interface SearchTerms {
  text: string;
  /** LIKE patterns, one per word (trigram-indexed): every one must appear. */
  substrings: string[];
}

export function searchTerms(field: string, raw: string | null | undefined): SearchTerms {
  const text = optionalText(field, raw ?? '', MAX_QUERY_LENGTH)?.toLowerCase() ?? '';
  const words = text.split(/\s+/).filter(Boolean);
  if (!words.length) throw badInput(field, `${field} is empty`);
  if (words.length > MAX_WORDS) throw badInput(field, `${field} has more than ${MAX_WORDS} words`);
  return { text, substrings: words.map((w) => `%${escapeLike(w.replace(/^[-"]+|"+$/g, ''))}%`) };
}

/** The named parameters the SQL below uses (with `:me` bound by the caller). */
export const searchParameters = (terms: SearchTerms): Record<string, string> => ({
  searchText: terms.text,
  ...Object.fromEntries(terms.substrings.map((s, i) => [`searchWord${i}`, s])),
});

/** `column` holds every word of the query (alias `l`). */
const allWords = (terms: SearchTerms, column: string) =>
  terms.substrings.map((_, i) => `${column} LIKE :searchWord${i}`).join(' AND ');

const TSQUERY = `websearch_to_tsquery('english', :searchText)`;

/**
 * The SQL condition a link matches a search with (alias `l`): its words (stemmed), every word as part of its
 * text (Korean: "서울" finds "서울에서"), or, for the viewer's own links, their note.
 */
export const matchesSql = (terms: SearchTerms) => `(l.search_document @@ ${TSQUERY}
  OR (${allWords(terms, 'l.search_text')})
  OR (l.owner_id = :me AND (to_tsvector('english', coalesce(l.note, '')) @@ ${TSQUERY}
      OR (${allWords(terms, 'lower(l.note)')}))))`;

/**
 * Rank: weighted words (title 1.0, tags 0.4, description 0.2, excerpt 0.1), more when the title holds every
 * word, a little for a substring or own-note match, so substring-only matches (Korean) order by where they are.
 */
export const scoreSql = (
  terms: SearchTerms,
) => `(ts_rank_cd('{0.1,0.2,0.4,1.0}', l.search_document, ${TSQUERY})
  + CASE WHEN ${allWords(terms, "lower(coalesce(l.title, ''))")} THEN 0.5 ELSE 0 END
  + CASE WHEN ${allWords(terms, 'l.search_text')} THEN 0.05 ELSE 0 END
  + CASE WHEN l.owner_id = :me AND ${allWords(terms, 'lower(l.note)')} THEN 0.02 ELSE 0 END)::float8`;
