import type { CheerioAPI } from 'cheerio';
import { asArray, isNode, ldNames, metaValue, typesOf, type PageSignals } from './page-signals';
import { clean, fold, words } from './text';

const MAX = 200;
/** Buttons, prompts and labels that sit where bylines are. */
const NOT_A_PERSON =
  /\b(follow|following|subscribe|sign (in|up)|log ?in|share|newsletter|view (all|profile)|more (from|by|stories)|read more|comments?|contact|email me|bio|about the author|posts? by|all posts|advertis|sponsored)\b|^contributors to\b|^(unknown|admin|administrator|anonymous|guest)$/i;
/** Picture and wire credits ("AP Photo/…", "Getty Images", "Reuters"): who made an image or sent the copy. */
const CREDIT =
  /\b(photo|photograph|image|illustration|graphic|video|getty|shutterstock|istock|alamy|afp|epa|ap|associated press|reuters|xinhua|yonhap|dpa|ansa|efe|pa media|wire|staff|newsroom|news desk|연합뉴스|뉴시스|뉴스1)\b|\//i;
/** Pages about a thing rather than written pieces. */
const THINGS =
  /^(Product|ProductGroup|Place|LocalBusiness|Restaurant|FoodEstablishment|Hotel|LodgingBusiness|Store|TouristAttraction|CafeOrCoffeeShop|Bakery|BarOrPub)$/;
const PREFIX =
  /^(by|written by|words by|posted by|author|authors|reporter|von|par|por|di|글|작성자)\s*[:：]?\s+/i;

/** A byline's names only: "By Jane Doe, Staff Writer | Updated 5 May" → "Jane Doe". */
function nameOf(raw: string | null): string | null {
  let value = clean(raw);
  if (!value) return null;
  value = value.replace(PREFIX, '');
  value = value.split(/\s+(?:[|•·—–]|on|updated|published)\s+|\s*\n\s*/i)[0]!.trim();
  value = value.replace(
    /,\s*(staff|senior|contributing|special)?\s*(writer|reporter|editor|correspondent|columnist)\b.*$/i,
    '',
  );
  value = value
    .replace(/\s*\(?[\w.+-]+@[\w.-]+\.\w+\)?/g, '')
    .replace(/^@/, '')
    .trim();
  return value || null;
}

function isPlausible(value: string | null, site: string | null): value is string {
  if (!value || value.length > 100 || words(value) > 8 || value.length < 2) return false;
  if (/^https?:|www\.|\.(com|org|net)\b/i.test(value) || /\d{3,}/.test(value)) return false;
  if (NOT_A_PERSON.test(value)) return false;
  return !(site && fold(site) === fold(value));
}

/** Structured authors (JSON-LD, meta tags, Parse.ly): the page stating who wrote it. */
function declared(signals: PageSignals, site: string | null): string | null {
  const fromLd = signals.article ? ldNames(signals, signals.article.author).map(nameOf) : [];
  const people = fromLd.filter((n): n is string => isPlausible(n, null));
  if (people.length) return people.slice(0, 5).join(', ');
  const parsely = signals.parsely
    ? [...asArray(signals.parsely.authors), ...asArray(signals.parsely.author)].map((a) =>
        nameOf(isNode(a) ? (a.name as string) : (a as string)),
      )
    : [];
  const fromParsely = parsely.filter((n): n is string => isPlausible(n, null));
  if (fromParsely.length) return fromParsely.slice(0, 5).join(', ');
  const metaAuthors = (signals.meta.get('parsely-author') ?? [])
    .map(nameOf)
    .filter((n) => isPlausible(n, null));
  if (metaAuthors.length) return (metaAuthors as string[]).slice(0, 5).join(', ');
  for (const key of [
    'author',
    'article:author',
    'sailthru.author',
    'dc.creator',
    'dcterms.creator',
    'citation_author',
    'byl',
  ]) {
    // a meta author that is the site's own name is a CMS default, not a writer
    const value = nameOf(metaValue(signals, key));
    if (isPlausible(value, site)) return value;
  }
  return null;
}

const BYLINE_SELECTORS = [
  '[itemprop~="author"] [itemprop="name"]',
  '[itemprop~="author"]',
  '[rel="author"]',
  'a[href*="/author/" i]',
  'a[href*="/authors/" i]',
  'a[href*="/by/" i]',
  '[class*="byline" i] [class*="name" i]',
  '[class*="author-name" i]',
  '[class*="authorname" i]',
  '[class*="byline" i]',
  '[class*="author" i]',
  '[class*="journalist" i]',
  '[class*="reporter" i]',
  '[class*="writer" i]',
  '[id*="byline" i]',
];
const OUTSIDE_THE_BYLINE =
  'figure, figcaption, aside, footer, nav, [class*="comment" i], [class*="related" i], [class*="caption" i], [class*="credit" i], button';

/** A visible byline: the first plausible person's name in the page's byline spots, credits and buttons refused. */
function visible($: CheerioAPI, site: string | null): string | null {
  for (const selector of BYLINE_SELECTORS) {
    let found: string | null = null;
    $(selector).each((_, el) => {
      const node = $(el);
      if (node.closest(OUTSIDE_THE_BYLINE).length) return;
      const value = nameOf(node.attr('content') ?? node.text());
      if (isPlausible(value, site) && !CREDIT.test(value)) {
        found = value;
        return false;
      }
      return;
    });
    if (found) return found;
  }
  return null;
}

/**
 * Who wrote the page: its structured metadata first (JSON-LD even when wrapped in CDATA or comments, meta tags,
 * Parse.ly), then its visible byline, then Readability's. Buttons ("Follow …"), picture and wire credits, URLs
 * and the site's own name are refused.
 */
export function author(signals: PageSignals, site: string | null): string | null {
  // a product's or a place's page has no writer: names on it belong to its reviews
  const aboutAThing = signals.article !== null && typesOf(signals.article).some((t) => THINGS.test(t));
  const chosen =
    declared(signals, site) ??
    (aboutAThing ? null : visible(signals.$, site)) ??
    (aboutAThing
      ? null
      : [nameOf(signals.readable?.byline ?? null)].find((v) => isPlausible(v, site) && !CREDIT.test(v))) ??
    null;
  return chosen ? chosen.slice(0, MAX) : null;
}
