import type { ReviewData } from './json-ld';

/** What linkedom's elements offer that this reader uses. */
interface Element {
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelectorAll(selector: string): Iterable<Element>;
  parentElement: Element | null;
  textContent: string | null;
}

const MAX_REVIEWS = 50;
const MAX_BODY = 5_000;

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The element's nearest itemscope above it (not itself). */
function ownerScope(el: Element): Element | null {
  for (let p = el.parentElement; p; p = p.parentElement) if (p.hasAttribute('itemscope')) return p;
  return null;
}

/** The first element carrying `itemprop` that belongs to `scope` itself (not to an item nested in it). */
function property(scope: Element, name: string): Element | null {
  for (const el of scope.querySelectorAll(`[itemprop~="${name}"]`)) if (ownerScope(el) === scope) return el;
  return null;
}

/** A property's value as microdata defines it: content, datetime, then the element's text. */
function value(el: Element | null): string | null {
  if (!el) return null;
  const raw = el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent;
  return squash(raw) || null;
}

function number(v: string | null): number | null {
  if (v === null) return null;
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** A rating on its own scale (bestRating/worstRating, default 5/1) brought to whole stars 1-5. */
function stars(scope: Element): number | null {
  const rating = property(scope, 'reviewRating');
  const holder = rating && rating.hasAttribute('itemscope') ? rating : scope;
  const ratingValue = number(value(property(holder, 'ratingValue')));
  if (ratingValue === null) return null;
  const best = number(value(property(holder, 'bestRating'))) ?? 5;
  const worst = number(value(property(holder, 'worstRating'))) ?? 1;
  if (best <= worst || ratingValue < worst || ratingValue > best) return null;
  return Math.round(1 + ((ratingValue - worst) / (best - worst)) * 4);
}

/**
 * schema.org Reviews written as microdata (itemscope itemtype=".../Review"), which many product and place pages
 * use instead of JSON-LD. Read before Readability changes the document.
 */
export function microdataReviews(document: {
  querySelectorAll(selector: string): Iterable<Element>;
}): ReviewData[] {
  const reviews: ReviewData[] = [];
  for (const scope of document.querySelectorAll('[itemscope][itemtype]')) {
    if (
      !/schema\.org\/(Review|UserReview|CriticReview)$/i.test((scope.getAttribute('itemtype') ?? '').trim())
    )
      continue;
    const body = value(property(scope, 'reviewBody')) ?? value(property(scope, 'description'));
    if (!body) continue;
    const author = property(scope, 'author');
    reviews.push({
      author: author && author.hasAttribute('itemscope') ? value(property(author, 'name')) : value(author),
      rating: stars(scope),
      body: body.slice(0, MAX_BODY),
      datePublished: value(property(scope, 'datePublished')),
    });
    if (reviews.length >= MAX_REVIEWS) break;
  }
  return reviews;
}
