/** schema.org ratings and reviews of a place or product, read from a page's JSON-LD. */
export interface AggregateRatingData {
  /** On a 1-5 scale. */
  ratingValue: number;
  ratingCount: number | null;
  reviewCount: number | null;
}

export interface ReviewData {
  author: string | null;
  /** On a 1-5 scale, rounded; null when the review has no usable rating. */
  rating: number | null;
  body: string;
  datePublished: string | null;
}

export interface StructuredData {
  types: string[];
  aggregateRating: AggregateRatingData | null;
  reviews: ReviewData[];
}

type Node = Record<string, unknown>;

const MAX_REVIEWS = 50;
const MAX_TYPES = 20;
/** Types that describe parts of a page (its ratings, authors, offers, site), not what the page is about. */
const AUXILIARY_TYPES =
  /^(AggregateRating|Rating|Review|Person|Organization|Brand|ImageObject|VideoObject|BreadcrumbList|ListItem|SearchAction|PostalAddress|GeoCoordinates|Offer|AggregateOffer|OpeningHoursSpecification|WebSite|WebPage|Thing)$/;
const MAX_BODY = 5_000;
const MAX_BLOCK = 1024 * 1024;
const RATED_TYPES =
  /^(Product|Place|LocalBusiness|Restaurant|FoodEstablishment|CafeOrCoffeeShop|Bakery|BarOrPub|Hotel|LodgingBusiness|TouristAttraction|Store|Book|Movie|Recipe|SoftwareApplication|Course|Event|Organization|CreativeWork)$/;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const typesOf = (n: Node) => asArray(n['@type']).filter((t): t is string => typeof t === 'string');

function number(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(',', '.').trim()) : NaN;
  return Number.isFinite(n) ? n : null;
}

function text(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (isNode(v)) return text(v.name);
  if (Array.isArray(v)) return text(v[0]);
  return null;
}

/**
 * A block's JSON without the wrappers CMSes put around scripts: HTML comments and CDATA sections, themselves
 * often inside JavaScript comments (`//<![CDATA[` … `//]]>`, or the same inside slash-star comments).
 */
function unwrapped(raw: string): string {
  return raw
    .replace(/^\s*(?:\/\/|\/\*)?\s*(?:<!--|<!\[CDATA\[)\s*(?:\*\/)?/, '')
    .replace(/(?:\/\/|\/\*)?\s*(?:-->|\]\]>)\s*(?:\*\/)?\s*$/, '')
    .trim()
    .replace(/;$/, '');
}

/** Parses every JSON-LD block; a broken block is skipped, the others still count. */
export function parseJsonLdBlocks(blocks: string[]): Node[] {
  const nodes: Node[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 20) return;
    for (const item of asArray(value)) {
      if (!isNode(item)) continue;
      nodes.push(item);
      visit(item['@graph'], depth + 1);
      for (const [key, child] of Object.entries(item)) if (key !== '@graph') visit(child, depth + 1);
    }
  };
  for (const raw of blocks) {
    if (raw.length > MAX_BLOCK) continue;
    const cleaned = unwrapped(raw);
    try {
      visit(JSON.parse(cleaned), 0);
    } catch {
      // broken JSON-LD is common; the page still gets a card from its other metadata
    }
  }
  return nodes;
}

/** Finds the rated thing (following @id references) and its aggregate rating and reviews. */
export function structuredData(blocks: string[]): StructuredData {
  const nodes = parseJsonLdBlocks(blocks);
  const byId = new Map(nodes.filter((n) => typeof n['@id'] === 'string').map((n) => [n['@id'] as string, n]));
  const resolve = (v: unknown): unknown =>
    (isNode(v) && typeof v['@id'] === 'string' && byId.get(v['@id'])) || v;
  const main =
    nodes.find((n) => typesOf(n).some((t) => RATED_TYPES.test(t)) && (n.aggregateRating || n.review)) ??
    nodes.find((n) => typesOf(n).some((t) => RATED_TYPES.test(t)));
  // every schema.org type on the page (what kind of page it is), the rated thing's first
  const types = [...new Set([...(main ? typesOf(main) : []), ...nodes.flatMap(typesOf)])]
    .filter((t) => !AUXILIARY_TYPES.test(t))
    .slice(0, MAX_TYPES);
  if (!main) return { types, aggregateRating: null, reviews: [] };

  const isAboutMain = (n: Node) => {
    const item = resolve(n.itemReviewed);
    return item === main || (isNode(item) && item['@id'] !== undefined && item['@id'] === main['@id']);
  };
  const ratingNode =
    resolve(main.aggregateRating) ??
    nodes.find((n) => typesOf(n).includes('AggregateRating') && isAboutMain(n));
  const reviewNodes = [
    ...asArray(main.review).map(resolve),
    ...nodes.filter((n) => typesOf(n).includes('Review') && isAboutMain(n)),
  ].filter(isNode);

  return {
    types,
    aggregateRating: isNode(ratingNode) ? aggregate(ratingNode) : null,
    reviews: [...new Set(reviewNodes)]
      .map((r) => review(r, resolve))
      .filter((r): r is ReviewData => r !== null)
      .slice(0, MAX_REVIEWS),
  };
}

/** A rating on the page's own scale (bestRating/worstRating, default 5/1) brought to 1-5. */
function toFiveStars(rating: Node): number | null {
  const value = number(rating.ratingValue);
  if (value === null) return null;
  const best = number(rating.bestRating) ?? 5;
  const worst = number(rating.worstRating) ?? 1;
  if (best <= worst || value < worst || value > best) return null;
  return 1 + ((value - worst) / (best - worst)) * 4;
}

function aggregate(n: Node): AggregateRatingData | null {
  const value = toFiveStars(n);
  if (value === null) return null;
  return {
    ratingValue: Math.round(value * 100) / 100,
    ratingCount: number(n.ratingCount),
    reviewCount: number(n.reviewCount),
  };
}

function review(n: Node, resolve: (v: unknown) => unknown): ReviewData | null {
  const body = text(n.reviewBody) ?? text(n.description);
  if (!body) return null;
  const rating = resolve(n.reviewRating);
  const stars = isNode(rating) ? toFiveStars(rating) : null;
  return {
    author: text(resolve(n.author)),
    rating: stars === null ? null : Math.round(stars),
    body: body.slice(0, MAX_BODY),
    datePublished: text(n.datePublished),
  };
}
