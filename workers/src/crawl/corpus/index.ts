import { decodeHtml } from '../decode-html';
import { ENGLISH, KOREAN, OTHER_LANGUAGES } from './articles';
import * as shape from './shapes';
import type { CorpusPage } from './shapes';

export type { CorpusPage, Expected } from './shapes';

/** The moment the corpus's pages were "fetched": nothing may be published after it. */
export const CORPUS_FETCHED_AT = new Date('2026-11-20T12:00:00Z');

/** Distinct, realistic times: offsets as sites write them, some with milliseconds, all before the fetch. */
function when(n: number, offset = 'Z'): string {
  const at = new Date(
    Date.UTC(2024, 0, 3, 6, 15) + n * 11 * 86_400_000 + (n % 7) * 3_600_000 + (n % 5) * 60_000,
  );
  const iso = at.toISOString().replace('.000Z', '');
  if (offset === 'Z') return `${iso}Z`;
  const sign = offset[0] === '-' ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number);
  const local = new Date(at.getTime() + sign * (h! * 60 + m!) * 60_000).toISOString().slice(0, 19);
  return `${local}${offset}`;
}
const later = (iso: string, days: number) =>
  new Date(new Date(iso).getTime() + days * 86_400_000).toISOString().replace('.000Z', 'Z');
const en = (i: number) => ENGLISH[i % ENGLISH.length]!;

/** The extraction corpus: 60+ pages in the shapes real sites serve, with what a careful reader expects. */
export function extractionCorpus(): CorpusPage[] {
  const pages: CorpusPage[] = [];
  let n = 0;
  const next = (offset?: string) => when(n++, offset);
  for (const i of [0, 1, 2, 3]) {
    const p = next('+01:00');
    pages.push(shape.newsGraph(en(i), i, p, later(p, 2)));
  }
  for (const i of [4, 5, 6, 7]) pages.push(shape.cdataLd(en(i), i, next('-05:00')));
  for (const i of [8, 9, 10, 11]) pages.push(shape.parselyOnly(en(i), i, next()));
  for (const i of [0, 1, 2, 3]) {
    const p = next();
    pages.push(shape.wikipedia(i, p, later(p, 400)));
  }
  for (const i of [0, 2, 4]) {
    const p = next('-04:00');
    pages.push(shape.paywall(en(i), i, p, later(p, 1)));
  }
  for (const i of [0, 1, 2, 3]) pages.push(shape.koreanPortal(KOREAN[i]!, i, next().slice(0, 19)));
  for (const i of [4, 5]) pages.push(shape.koreanBlog(KOREAN[i]!, i, next('+09:00')));
  for (const i of [0, 1, 2, 3]) pages.push(shape.product(i));
  for (const i of [0, 1, 2, 3]) pages.push(shape.place(i));
  for (const i of [5, 7, 9]) pages.push(shape.visibleByline(en(i), i, next()));
  for (const i of [1, 3, 11]) pages.push(shape.hEntry(en(i), i, next('+02:00')));
  for (const i of [6, 8, 10]) pages.push(shape.wireStory(en(i), i, next()));
  for (const i of [0, 5, 9]) pages.push(shape.futureDates(en(i), i, next('-04:00')));
  for (const i of [2, 6, 11]) {
    const p = next();
    pages.push(shape.modifiedFirst(en(i), i, p, later(p, 30)));
  }
  for (const i of [0, 1]) pages.push(shape.doubleEncoded(ENGLISH[4]!, i, next()));
  for (const i of [1, 7, 10]) pages.push(shape.sealsAndLogos(en(i), i, next()));
  OTHER_LANGUAGES.forEach((a, i) => pages.push(shape.declaredLanguage(a, i, next('+01:00'))));
  for (const i of [0, 1, 2, 3]) pages.push(shape.koreanBlog(KOREAN[i]!, i + 2, next('+09:00')));
  for (const i of [3, 8]) pages.push(shape.brandSuffix(en(i), i, next()));
  return pages;
}
export { FIELDS, matches, scoreCorpus, type CorpusScore, type Field } from './score';

/** A corpus page's HTML as the crawler reads it (its bytes decoded by their declared charset). */
export const corpusHtml = (page: CorpusPage) => decodeHtml(page.body, page.contentType).text;
