import { badInput, optionalText } from '@link-archive/core';
import { MAX_QUERY_LENGTH } from '../link/link.inputs';

const MAX_WORDS = 8;
const HANGUL_RUN = /[가-힣ㄱ-ㆎ]+/g;

/** What a search query matches with: English words stemmed by PostgreSQL, Korean as phrases of two-syllable grams. */
export interface SearchTerms {
  /** The query as typed, lower-cased (for snippets). */
  text: string;
  /** Everything but Hangul, in web-search syntax (quotes, `-word`), for `websearch_to_tsquery('english', …)`. */
  english: string;
  /** Hangul words as `to_tsquery('simple', …)` text: "서울에서" → '서울' <-> '울에' <-> '에서'. */
  korean: string;
  /** The Hangul words, for marking them in snippets. */
  koreanWords: string[];
}

/** One Hangul run as a phrase of its overlapping grams, or a prefix for one syllable (the same grams as indexed). */
function gramPhrase(run: string): string {
  if (run.length === 1) return `'${run}':*`;
  const grams: string[] = [];
  for (let i = 0; i < run.length - 1; i++) grams.push(`'${run.slice(i, i + 2)}'`);
  return grams.join(' <-> ');
}

export function searchTerms(field: string, raw: string | null | undefined): SearchTerms {
  const text = optionalText(field, raw ?? '', MAX_QUERY_LENGTH)?.toLowerCase() ?? '';
  const words = text.split(/\s+/).filter(Boolean);
  if (!words.length) throw badInput(field, `${field} is empty`);
  if (words.length > MAX_WORDS) throw badInput(field, `${field} has more than ${MAX_WORDS} words`);
  const koreanWords = text.match(HANGUL_RUN) ?? [];
  return {
    text,
    english: text.replace(HANGUL_RUN, ' ').trim(),
    korean: koreanWords.map(gramPhrase).join(' & '),
    koreanWords,
  };
}

/** The named parameters the SQL below uses (with `:me` bound by the caller). */
export const searchParameters = (terms: SearchTerms): Record<string, string> => ({
  searchEnglish: terms.english,
  searchKorean: terms.korean,
});

/** The query as a tsquery: both parts when both are there (an empty part would match nothing). */
export function tsquerySql(terms: SearchTerms): string {
  const parts: string[] = [];
  if (terms.english) parts.push(`websearch_to_tsquery('english', :searchEnglish)`);
  if (terms.korean) parts.push(`to_tsquery('simple', :searchKorean)`);
  return parts.length ? `(${parts.join(' && ')})` : `''::tsquery`;
}

/** A link's note as a search document: its owner's alone, so never in the shared indexed column. */
const NOTE_DOCUMENT = `link.search_vector(l.note)`;

/** The shared document as the text index holds it: with the day, week and month its link was saved in (alias `l`). */
export const INDEXED_DOCUMENT = '(l.search_document || link.saved_buckets(l.created_at))';

/** A link's shared document matches, by the text index (alias `l`). */
export const documentMatchesSql = (terms: SearchTerms) => `${INDEXED_DOCUMENT} @@ ${tsquerySql(terms)}`;

/** The same test on a row already read (no index): the stored document alone, nothing to compute. */
export const documentHoldsSql = (terms: SearchTerms) => `l.search_document @@ ${tsquerySql(terms)}`;

/**
 * The viewer's own note matches (alias `l`, `:me` bound), by the notes' text index: the query AND the owner's
 * lexeme (see the SearchOwnNotes migration).
 */
export const ownNoteMatchesSql = (terms: SearchTerms) =>
  `(l.owner_id = :me AND l.note IS NOT NULL
    AND link.note_document(l.note, l.owner_id) @@ (${tsquerySql(terms)} && link.owner_notes(:me::uuid)))`;

/** The SQL condition a link matches a search with (alias `l`): its indexed document, or the viewer's own note. */
export const matchesSql = (terms: SearchTerms) =>
  `(${documentMatchesSql(terms)} OR ${ownNoteMatchesSql(terms)})`;

const WEIGHTS = `'{0.1,0.2,0.4,1.0}'`;

/**
 * Rank: first the best field that holds the whole query (title 3, title and tags 2, with the description 1,
 * anywhere else 0), then within that the weighted words (title 1.0, tags 0.4, description 0.2, excerpt 0.1),
 * scaled below 1 so no number of excerpt mentions outranks a title; an own note counts as an excerpt.
 */
export const scoreSql = (terms: SearchTerms) => {
  const q = tsquerySql(terms);
  const holds = (weights: string) => `l.search_document @@ link.tsquery_in_weights(${q}, '${weights}')`;
  return `(CASE WHEN ${holds('A')} THEN 3 WHEN ${holds('AB')} THEN 2 WHEN ${holds('ABC')} THEN 1 ELSE 0 END
    + ts_rank_cd(${WEIGHTS}, l.search_document, ${q}, 32)
    + CASE WHEN l.owner_id = :me AND l.note IS NOT NULL
           THEN ts_rank_cd(${WEIGHTS}, ${NOTE_DOCUMENT}, ${q}, 32) / 10 ELSE 0 END)::float8`;
};
