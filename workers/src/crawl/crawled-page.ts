import type { ExtractedPage } from './extract-page';
import type { StructuredData } from './json-ld';

export type PageKind = 'PAGE' | 'ARTICLE' | 'PLACE' | 'PRODUCT' | 'DOCUMENT' | 'IMAGE';

/** A crawl's result as stored on the link and in the shared fetch cache (JSON: dates as ISO strings). */
export interface CrawledPage extends Omit<ExtractedPage, 'publishedAt'> {
  finalUrl: string;
  contentType: string | null;
  kind: PageKind;
  publishedAt: string | null;
}

const PLACE =
  /^(Place|LocalBusiness|Restaurant|FoodEstablishment|Hotel|LodgingBusiness|TouristAttraction|Store|CafeOrCoffeeShop|Bakery|BarOrPub)$/;
const PRODUCT = /^(Product|ProductGroup|IndividualProduct|Book|SoftwareApplication)$/;
const ARTICLE = /^(Article|NewsArticle|BlogPosting|Report|TechArticle|ScholarlyArticle)$/;

function kindOf(structured: StructuredData): PageKind {
  if (structured.types.some((t) => PLACE.test(t))) return 'PLACE';
  if (structured.types.some((t) => PRODUCT.test(t))) return 'PRODUCT';
  if (structured.types.some((t) => ARTICLE.test(t))) return 'ARTICLE';
  return 'PAGE';
}

export function htmlPage(page: ExtractedPage, finalUrl: string, contentType: string | null): CrawledPage {
  return {
    ...page,
    finalUrl,
    contentType,
    kind: kindOf(page.structured),
    publishedAt: page.publishedAt ? page.publishedAt.toISOString() : null,
  };
}

const EMPTY_STRUCTURED: StructuredData = { types: [], aggregateRating: null, reviews: [] };

/** PDFs and images are not parsed: their card comes from the headers and the URL. */
export function fileCard(
  finalUrl: string,
  contentType: string,
  contentDisposition: string | undefined,
): CrawledPage {
  const url = new URL(finalUrl);
  const fromHeader = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(contentDisposition ?? '')?.[1];
  let name = fromHeader ?? url.pathname.split('/').filter(Boolean).pop() ?? url.hostname;
  try {
    name = decodeURIComponent(name);
  } catch {
    /* keep it as it came */
  }
  const image = contentType.startsWith('image/');
  return {
    finalUrl,
    contentType,
    kind: image ? 'IMAGE' : 'DOCUMENT',
    title: name.slice(0, 500),
    description: null,
    canonicalUrl: null,
    siteName: url.hostname,
    faviconUrl: new URL('/favicon.ico', url).href,
    imageUrl: image ? finalUrl : null,
    author: null,
    publishedAt: null,
    language: null,
    excerpt: null,
    text: '',
    articleHtml: null,
    wordCount: null,
    readingMinutes: null,
    scripted: false,
    structured: EMPTY_STRUCTURED,
  };
}
