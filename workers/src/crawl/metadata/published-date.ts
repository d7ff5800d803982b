import * as chrono from 'chrono-node';
import { asArray, isNode, metaValue, typesOf, type PageSignals } from './page-signals';
import { clean } from './text';

/** Nothing on the web was published before it existed. */
const EARLIEST = Date.UTC(1991, 0, 1);
/** Clocks disagree a little; anything later than this past the fetch is a misreading. */
const SKEW_MS = 10 * 60_000;

interface Candidate {
  at: Date;
  /** The value said the time of day (not only the date). */
  precise: boolean;
}

/** Offsets for pages that write local times without one, by the page's language. */
const LOCAL_OFFSET: Record<string, string> = { ko: '+09:00', ja: '+09:00', zh: '+08:00' };

/**
 * One date value: ISO 8601 (an offset kept as written; without one, the page's local time when its language
 * implies one, else UTC), epoch seconds or milliseconds, or a written date with day, month and year. A bare
 * year ("1998", an infobox's founding year) is not a publication date.
 */
export function parseDate(raw: string | null, language: string | null): Candidate | null {
  const value = clean(raw);
  if (!value || /^\d{4}$/.test(value)) return null;
  if (/^\d{10}(\d{3})?$/.test(value)) {
    const n = Number(value);
    return { at: new Date(value.length === 10 ? n * 1000 : n), precise: true };
  }
  const iso =
    /^(\d{4})[-/.](\d{2})[-/.](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
      value,
    );
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    if (!h) return { at: new Date(`${y}-${mo}-${d}T00:00:00Z`), precise: false };
    const offset = zone
      ? zone.toUpperCase() === 'Z'
        ? 'Z'
        : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')
      : (LOCAL_OFFSET[language ?? ''] ?? 'Z');
    return { at: new Date(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${offset}`), precise: true };
  }
  const parsed = chrono.parse(value, new Date(), { forwardDate: false })[0];
  if (!parsed) return null;
  const { start } = parsed;
  if (!start.isCertain('day') || !start.isCertain('month') || !start.isCertain('year')) return null;
  const precise = start.isCertain('hour');
  if (!precise) {
    return {
      at: new Date(Date.UTC(start.get('year')!, start.get('month')! - 1, start.get('day')!)),
      precise: false,
    };
  }
  return { at: start.date(), precise };
}

/** <time> elements where a page shows its date: by the byline or in the header first, then in the article. */
function visibleTimes({ $ }: PageSignals): string[] {
  const outside =
    'aside, footer, nav, [class*="comment" i], [class*="related" i], [class*="updated" i], [class*="modified" i]';
  const times: string[] = [];
  for (const selector of [
    '[class*="byline" i] time[datetime], [class*="dateline" i] time[datetime], [class*="meta" i] time[datetime], header time[datetime], .dt-published[datetime]',
    '[data-date-time], [data-published], [data-publish-date]',
    'article time[datetime], main time[datetime]',
  ]) {
    $(selector).each((_, el) => {
      const node = $(el);
      if (node.closest(outside).length) return;
      const value =
        node.attr('datetime') ??
        node.attr('data-date-time') ??
        node.attr('data-published') ??
        node.attr('data-publish-date');
      if (value) times.push(value);
    });
  }
  return times;
}

/** The page's published-date values, the most deliberate first; modified dates only when nothing else is said. */
function* publishedValues(signals: PageSignals): Generator<string | null> {
  const { $, article, parsely } = signals;
  const notAboutThePage = /^(Review|Comment|Offer|Rating|Answer|ImageObject|Person|Organization)$/;
  for (const node of [article, ...signals.ld.filter((n) => n !== article)]) {
    if (!isNode(node) || typesOf(node).some((t) => notAboutThePage.test(t))) continue;
    for (const v of asArray(node.datePublished)) yield typeof v === 'string' ? v : null;
  }
  yield metaValue(
    signals,
    'article:published_time',
    'og:article:published_time',
    'og:published_time',
    'article.published',
  );
  yield metaValue(
    signals,
    'parsely-pub-date',
    'sailthru.date',
    'dc.date.issued',
    'dcterms.issued',
    'citation_publication_date',
    'citation_date',
  );
  yield parsely ? (clean(parsely.pub_date) ?? clean(parsely.pubDate)) : null;
  yield metaValue(
    signals,
    'datepublished',
    'pubdate',
    'publishdate',
    'publish-date',
    'publish_date',
    'publication_date',
    'date',
    'dc.date',
    'dcterms.date',
    'dcterms.created',
    'article:published',
  );
  const itemprop = $('[itemprop="datePublished" i]').first();
  yield itemprop.attr('datetime') ?? itemprop.attr('content') ?? null;
  yield $('time[pubdate]').first().attr('datetime') ?? null;
  yield signals.readable?.publishedTime ?? null;
  yield* visibleTimes(signals);
  if (article) for (const v of asArray(article.dateCreated)) yield typeof v === 'string' ? v : null;
}

function* modifiedValues(signals: PageSignals): Generator<string | null> {
  if (signals.article)
    yield* asArray(signals.article.dateModified).map((v) => (typeof v === 'string' ? v : null));
  yield metaValue(signals, 'article:modified_time', 'og:updated_time', 'dateModified', 'last-modified');
}

/**
 * When the page was published: the first of its published-date values that is a real date between the web's
 * start and the fetch. A date-only value gives way to a later value of the same day that has the time.
 */
export function publishedAt(signals: PageSignals, language: string | null, fetchedAt: Date): Date | null {
  const latest = fetchedAt.getTime() + SKEW_MS;
  // read lazily, most deliberate first: a page that states its date in JSON-LD is not searched further
  function* valid(values: Iterable<string | null>): Generator<Candidate> {
    for (const value of values) {
      const c = parseDate(value, language);
      if (c && !Number.isNaN(c.at.getTime()) && c.at.getTime() >= EARLIEST && c.at.getTime() <= latest)
        yield c;
    }
  }
  let candidates = valid(publishedValues(signals));
  let head = candidates.next();
  if (head.done) {
    candidates = valid(modifiedValues(signals));
    head = candidates.next();
  }
  if (head.done) return null;
  const first = head.value;
  if (first.precise) return first.at;
  const day = first.at.toISOString().slice(0, 10);
  for (const c of candidates) {
    const sameDay =
      Math.abs(c.at.getTime() - first.at.getTime()) < 36 * 3_600_000 &&
      c.at.toISOString().slice(0, 10) <= day;
    if (c.precise && sameDay) return c.at;
  }
  return first.at;
}
