import { metaValue, type PageSignals } from './page-signals';
import { clean, fold } from './text';

const MAX = 2_000;
const PARAGRAPH_MAX = 500;
/** Paragraphs that are not the article's text: bylines, dates, captions, prompts. */
const BOILERPLATE =
  /^(by |updated|published|posted|last modified|advertisement|sponsored|photo|image|credit|source|read more|sign up|subscribe|share|listen|watch|related|this article|this story|please enable|we use cookies|loading|for other uses|this article is about|not to be confused|for the |main article|see also|coordinates|기자|입력|수정|사진|광고)/i;

interface ElementLike {
  querySelectorAll(selector: string): Iterable<ElementLike>;
  closest(selector: string): ElementLike | null;
  textContent: string | null;
}

const isElement = (v: unknown): v is ElementLike =>
  typeof v === 'object' && v !== null && typeof (v as ElementLike).querySelectorAll === 'function';

/** Cuts at the last sentence end before the limit, else at a word. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const sentence = Math.max(
    head.lastIndexOf('. '),
    head.lastIndexOf('다. '),
    head.lastIndexOf('! '),
    head.lastIndexOf('? '),
  );
  if (sentence > max / 2) return head.slice(0, sentence + 1).trim();
  return `${head.slice(0, head.lastIndexOf(' ')).trim()}…`;
}

/** The article's first real paragraph: long enough to say something, not a byline, caption or prompt. */
export function firstParagraph(article: unknown, title: string | null): string | null {
  if (!isElement(article)) return null;
  for (const p of article.querySelectorAll('p')) {
    if (p.closest('figure, figcaption, blockquote, aside, li, table')) continue;
    const text = clean(p.textContent);
    if (!text || BOILERPLATE.test(text)) continue;
    const sentence = /[.!?。다요)"”’]$/.test(text);
    if (text.length < 40 || (text.length < 80 && !sentence)) continue;
    if (title && fold(text) === fold(title)) continue;
    return shorten(text, PARAGRAPH_MAX);
  }
  return null;
}

/**
 * The page's own summary (its social or meta description, its JSON-LD description), as written; else the
 * article's first real paragraph.
 */
export function description(signals: PageSignals, title: string | null): string | null {
  const declared =
    metaValue(
      signals,
      'og:description',
      'description',
      'twitter:description',
      'dc.description',
      'sailthru.description',
    ) ??
    (signals.article ? clean(signals.article.description) : null) ??
    (signals.parsely ? clean(signals.parsely.description) : null);
  const usable =
    declared && declared.length >= 12 && !(title && fold(declared) === fold(title)) ? declared : null;
  const chosen = usable ?? firstParagraph(signals.readable?.content, title) ?? declared;
  return chosen ? chosen.slice(0, MAX) : null;
}
