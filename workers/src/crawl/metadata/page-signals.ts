import type { CheerioAPI } from 'cheerio';
import { clean } from './text';

type Node = Record<string, unknown>;

/** What Readability found (its metadata reading and the article element it kept). */
export interface ReadableArticle {
  title?: string | null;
  byline?: string | null;
  excerpt?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
  lang?: string | null;
  /** The article's element (our serializer keeps the node): its paragraphs are the description fallback. */
  content?: unknown;
}

/**
 * Everything a page says about itself, gathered once: its meta tags by name, its JSON-LD (the article's node
 * and the others), the visible <title> and first <h1>, Readability's reading and the URL's host.
 */
export interface PageSignals {
  $: CheerioAPI;
  url: URL;
  /** Meta tags' content by lower-cased name, property or itemprop, in page order. */
  meta: Map<string, string[]>;
  ld: Node[];
  /** The JSON-LD node describing the page's own content (an Article, else a WebPage, else the first named). */
  article: Node | null;
  titleTag: string | null;
  h1: string | null;
  readable: ReadableArticle | null;
  /** Parse.ly's JSON metadata (parsely-metadata or the legacy parsely-page), when the page has it. */
  parsely: Node | null;
}

const ARTICLE =
  /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|SocialMediaPosting|TechArticle|ScholarlyArticle|Report|HowTo|Recipe|Review|VideoObject|Product|Place|LocalBusiness|Restaurant|Hotel|Event|Book|Movie|Course|QAPage|Question)$/;
const PAGE = /^(WebPage|ItemPage|AboutPage|CollectionPage|ProfilePage|MedicalWebPage|FAQPage)$/;

export const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
export const asArray = (v: unknown): unknown[] =>
  Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
export const typesOf = (n: Node) =>
  asArray(n['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#:]/, ''));

function metaTags($: CheerioAPI): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  $('meta').each((_, el) => {
    const content = $(el).attr('content');
    if (content === undefined) return;
    for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = $(el).attr(attr)?.trim().toLowerCase();
      if (!key) continue;
      const list = tags.get(key) ?? [];
      list.push(content);
      tags.set(key, list);
    }
  });
  return tags;
}

function parselyOf(meta: Map<string, string[]>): Node | null {
  for (const key of ['parsely-metadata', 'parsely-page']) {
    const raw = meta.get(key)?.[0];
    if (!raw) continue;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (isNode(parsed)) return parsed;
    } catch {
      // a broken blob: the page's other metadata still counts
    }
  }
  return null;
}

function articleOf(ld: Node[]): Node | null {
  return (
    ld.find((n) => typesOf(n).some((t) => ARTICLE.test(t)) && (n.headline || n.name)) ??
    ld.find((n) => typesOf(n).some((t) => PAGE.test(t)) && (n.headline || n.name)) ??
    null
  );
}

export function readSignals(
  $: CheerioAPI,
  url: string,
  ld: Node[],
  readable: ReadableArticle | null,
): PageSignals {
  const meta = metaTags($);
  return {
    $,
    url: new URL(url),
    meta,
    ld,
    article: articleOf(ld),
    titleTag: clean($('head title').first().text() || $('title').first().text()),
    h1: clean($('h1').first().text()),
    readable,
    parsely: parselyOf(meta),
  };
}

/** The first non-empty meta value among these names. */
export function metaValue(signals: PageSignals, ...names: string[]): string | null {
  for (const name of names) {
    for (const value of signals.meta.get(name) ?? []) {
      const cleaned = clean(value);
      if (cleaned) return cleaned;
    }
  }
  return null;
}

/** Follows a JSON-LD {"@id": …} reference to the node it names, when the page has it. */
export function resolveLd(signals: PageSignals, value: unknown): unknown {
  if (!isNode(value) || typeof value['@id'] !== 'string' || Object.keys(value).length > 1) return value;
  return signals.ld.find((n) => n !== value && n['@id'] === value['@id']) ?? value;
}

/** A JSON-LD value's name: a string, or a node's name, for each item of a list. */
export function ldNames(signals: PageSignals, value: unknown): string[] {
  return asArray(value)
    .map((v) => resolveLd(signals, v))
    .map((v) => clean(isNode(v) ? v.name : v))
    .filter((v): v is string => v !== null);
}
