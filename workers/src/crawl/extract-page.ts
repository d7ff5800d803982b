import { Readability } from '@mozilla/readability';
import { load, type CheerioAPI } from 'cheerio';
import { parseHTML } from 'linkedom';
import createMetascraper from 'metascraper';
import metascraperImage from 'metascraper-image';
import metascraperPublisher from 'metascraper-publisher';
import metascraperUrl from 'metascraper-url';
import { parseJsonLdBlocks, structuredData, type ReviewData, type StructuredData } from './json-ld';
import { author } from './metadata/author';
import { description } from './metadata/description';
import { language } from './metadata/language';
import { readSignals, type ReadableArticle } from './metadata/page-signals';
import { publishedAt } from './metadata/published-date';
import { siteName } from './metadata/site-name';
import { title } from './metadata/title';
import { microdataReviews } from './microdata';
import { countWords, readableDocument, readingMinutes } from './readable-article';

export interface ExtractedPage {
  title: string | null;
  description: string | null;
  canonicalUrl: string | null;
  siteName: string | null;
  faviconUrl: string | null;
  imageUrl: string | null;
  author: string | null;
  publishedAt: Date | null;
  /** BCP 47 primary tag: the page's declared language unless its text says otherwise with confidence. */
  language: string | null;
  /** The readable text's first ~500 characters. */
  excerpt: string | null;
  /** Readable text for taggers, capped. */
  text: string;
  /** The readable article as a sanitized standalone HTML document (what Link.contentUrl serves). */
  articleHtml: string | null;
  /** Words of the whole readable text, and minutes to read them. */
  wordCount: number | null;
  readingMinutes: number | null;
  /** The markup runs scripts: with no readable text, a browser may find what they build. */
  scripted: boolean;
  structured: StructuredData;
}

/**
 * What the card still takes from metascraper: the image, the canonical URL and its reading of the publisher
 * (a candidate for the site's name). Title, description, author, date and language are chosen by our rules.
 */
export const metascraperRules = () => [metascraperImage(), metascraperPublisher(), metascraperUrl()];

const metascraper = createMetascraper(metascraperRules());

/** Readable text kept for taggers and search (and stored on the link). */
export const MAX_TEXT = 10_000;
const EXCERPT = 500;
const cap = (value: unknown, max: number): string | null =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function absolute(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href.slice(0, 2048) : null;
  } catch {
    return null;
  }
}

/** The page's JSON-LD reviews and its microdata ones, each review once (by its text), at most 50. */
function withReviews(structured: StructuredData, microdata: ReviewData[]): StructuredData {
  const seen = new Set(structured.reviews.map((r) => r.body));
  const extra = microdata.filter((r) => !seen.has(r.body) && seen.add(r.body));
  return extra.length
    ? { ...structured, reviews: [...structured.reviews, ...extra].slice(0, 50) }
    : structured;
}

let documents = 0;

/**
 * metascraper's helpers memoize their JSON-LD reading on `$.html() === previous.html()`: two serializations
 * of the whole page for each of a dozen rules, a tenth of a crawl worker's time. None of our rules reads the
 * page's markup through `$.html()`, so for this document it answers an identity that is unique per page.
 */
function withCheapIdentity($: CheerioAPI): CheerioAPI {
  const identity = `document-${process.pid}-${++documents}`;
  const html = $.html.bind($);
  $.html = ((...args: Parameters<CheerioAPI['html']>) =>
    args.length === 0 ? identity : html(...args)) as CheerioAPI['html'];
  return $;
}

/**
 * Card metadata, readable text, language and schema.org data of a page. Each field is chosen by rule from what
 * the page says about itself (meta tags, JSON-LD even when wrapped in CDATA or comments, Parse.ly, its
 * <title> and heading, Readability's reading); metascraper supplies the image and canonical URL and its
 * reading of the publisher. `fetchedAt` bounds the published date (nothing is published after it was read).
 */
export async function extractPage(html: string, url: string, fetchedAt = new Date()): Promise<ExtractedPage> {
  // cheerio's htmlparser2 mode parses several times faster than its default parse5 for metascraper's
  // read-only queries; the URL was checked before it was fetched (metascraper's check refuses local hosts)
  const htmlDom = load(html, { baseURI: url, xml: { xmlMode: false, decodeEntities: true } });
  const meta = await metascraper({ htmlDom: withCheapIdentity(htmlDom), url, validateUrl: false });
  // linkedom builds no document element for fragments (or nothing): give it one
  // linkedom types its result as the DOM's Window, which this DOM-less build knows only from packages' global
  // additions (Apollo Client's): read it untyped, as before those
  const page = /<html[\s>]/i.test(html) ? html : `<html><body>${html}</body></html>`;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const { document } = parseHTML(page) as unknown as { document: any };
  const ldBlocks = [...document.querySelectorAll('script[type="application/ld+json"]')].map(
    (s) => s.textContent ?? '',
  );
  // microdata reviews are read before Readability rewrites the document
  const pageReviews = microdataReviews(document as unknown as Parameters<typeof microdataReviews>[0]);
  const icon = document.querySelector(
    'link[rel~="icon"], link[rel="shortcut icon"], link[rel="apple-touch-icon"]',
  );
  let readable: (ReadableArticle & { textContent?: string | null }) | null = null;
  try {
    readable = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 200,
      // keep the article's element itself: its paragraphs are read, not its serialization
      serializer: (el) => el as unknown as string,
    }).parse();
  } catch {
    readable = null;
  }
  const fullText = squash(readable?.textContent || document.body?.textContent || '');
  const text = fullText.slice(0, MAX_TEXT);
  const words = countWords(fullText);
  const signals = readSignals(htmlDom, url, parseJsonLdBlocks(ldBlocks), readable);
  const lang = language(signals, text);
  const pageTitle = title(signals);
  const site = siteName(signals, cap(meta.publisher, 200));
  const content = readable?.content as { innerHTML?: string } | undefined;
  return {
    title: pageTitle,
    description: description(signals, pageTitle),
    canonicalUrl: absolute(meta.url, url),
    siteName: site,
    faviconUrl: absolute(icon?.getAttribute('href'), url) ?? new URL('/favicon.ico', url).href,
    imageUrl: absolute(meta.image, url),
    author: author(signals, site),
    publishedAt: publishedAt(signals, lang, fetchedAt),
    language: lang,
    excerpt: text ? text.slice(0, EXCERPT) : null,
    text,
    articleHtml: content?.innerHTML
      ? readableDocument(content.innerHTML, url, { title: pageTitle, language: lang })
      : null,
    wordCount: fullText ? words : null,
    readingMinutes: fullText ? readingMinutes(words) : null,
    scripted: /<script\b(?![^>]*type=["']?application\/(ld\+)?json)/i.test(html),
    structured: withReviews(structuredData(ldBlocks), pageReviews),
  };
}
