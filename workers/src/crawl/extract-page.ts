import { Readability } from '@mozilla/readability';
import { load, type CheerioAPI } from 'cheerio';
import { parseHTML } from 'linkedom';
import createMetascraper from 'metascraper';
import metascraperAuthor from 'metascraper-author';
import metascraperDate from 'metascraper-date';
import metascraperDescription from 'metascraper-description';
import metascraperImage from 'metascraper-image';
import metascraperLang from 'metascraper-lang';
import metascraperPublisher from 'metascraper-publisher';
import metascraperTitle from 'metascraper-title';
import metascraperUrl from 'metascraper-url';
import { detect } from 'tinyld';
import { structuredData, type ReviewData, type StructuredData } from './json-ld';
import { microdataReviews } from './microdata';

export interface ExtractedPage {
  title: string | null;
  description: string | null;
  canonicalUrl: string | null;
  siteName: string | null;
  faviconUrl: string | null;
  imageUrl: string | null;
  author: string | null;
  publishedAt: Date | null;
  /** BCP 47 primary tag, detected from the readable text (the page's own lang attribute when text is short). */
  language: string | null;
  /** The readable text's first ~500 characters. */
  excerpt: string | null;
  /** Readable text for taggers, capped. */
  text: string;
  structured: StructuredData;
}

/** The card's metascraper rules: shared with the benchmark's stock use of the library. */
export const metascraperRules = () => [
  metascraperTitle(),
  metascraperDescription(),
  metascraperImage(),
  metascraperAuthor(),
  metascraperDate(),
  metascraperPublisher(),
  metascraperUrl(),
  metascraperLang(),
];

const metascraper = createMetascraper(metascraperRules());

/** Readable text kept for taggers and search (and stored on the link). */
export const MAX_TEXT = 10_000;
/** Enough text to tell a language apart; detection cost grows with length. */
const LANGUAGE_SAMPLE = 5_000;
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

/** Card metadata (metascraper), readable text (Readability on linkedom), language and schema.org data of a page. */
export async function extractPage(html: string, url: string): Promise<ExtractedPage> {
  // cheerio's htmlparser2 mode parses several times faster than its default parse5 for metascraper's
  // read-only queries; the URL was checked before it was fetched (metascraper's check refuses local hosts)
  const htmlDom = load(html, { baseURI: url, xml: { xmlMode: false, decodeEntities: true } });
  const meta = await metascraper({ htmlDom: withCheapIdentity(htmlDom), url, validateUrl: false });
  // linkedom builds no document element for fragments (or nothing): give it one
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<html><body>${html}</body></html>`);
  const ldBlocks = [...document.querySelectorAll('script[type="application/ld+json"]')].map(
    (s) => s.textContent ?? '',
  );
  // microdata reviews are read before Readability rewrites the document
  const pageReviews = microdataReviews(document as unknown as Parameters<typeof microdataReviews>[0]);
  const icon = document.querySelector(
    'link[rel~="icon"], link[rel="shortcut icon"], link[rel="apple-touch-icon"]',
  );
  let readable: { textContent?: string | null } | null = null;
  try {
    readable = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      charThreshold: 200,
      // only the text is used: skip serializing the article back to HTML
      serializer: () => '',
    }).parse();
  } catch {
    readable = null;
  }
  const text = squash(readable?.textContent || document.body?.textContent || '').slice(0, MAX_TEXT);
  const detected = text.length >= 200 ? detect(text.slice(0, LANGUAGE_SAMPLE)) : '';
  const date = meta.date ? new Date(meta.date) : null;
  return {
    title: cap(meta.title, 500),
    description: cap(meta.description, 2_000),
    canonicalUrl: absolute(meta.url, url),
    siteName: cap(meta.publisher, 200),
    faviconUrl: absolute(icon?.getAttribute('href'), url) ?? new URL('/favicon.ico', url).href,
    imageUrl: absolute(meta.image, url),
    author: cap(meta.author, 200),
    publishedAt: date && !Number.isNaN(date.getTime()) ? date : null,
    language: detected || cap(meta.lang, 35)?.toLowerCase() || null,
    excerpt: text ? text.slice(0, EXCERPT) : null,
    text,
    structured: withReviews(structuredData(ldBlocks), pageReviews),
  };
}
