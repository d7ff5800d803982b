import { getDomainWithoutSuffix } from 'tldts';
import { isNode, ldNames, metaValue, typesOf, type PageSignals } from './page-signals';
import { fold, words } from './text';

/** Image file names, logo alt texts and seals that sites put where a name is looked for. */
const NOT_A_NAME =
  /\.(png|jpe?g|gif|svg|webp|ico)\b|\blogo\b|certif|privacy|cookie|trust(e|ed)\b|verified|badge|banner|^home$|^homepage$|^menu$/i;

export function isPlausibleSiteName(value: string | null): value is string {
  return (
    !!value && value.length <= 60 && words(value) <= 7 && !NOT_A_NAME.test(value) && !/^https?:/i.test(value)
  );
}

/** The registrable name of the host without its suffix ("wikipedia" for en.wikipedia.org). */
export const hostLabel = (url: URL) => getDomainWithoutSuffix(url.hostname) ?? url.hostname;

/** Whether a piece of text names this site: its declared name, or its host's name ("The Verge", theverge.com). */
export function namesSite(text: string, signals: PageSignals, declared: string | null): boolean {
  const folded = fold(text);
  if (folded.length < 2) return false;
  if (declared && fold(declared) === folded) return true;
  const label = fold(hostLabel(signals.url));
  if (!label) return false;
  return (
    folded === label ||
    folded === `the${label}` ||
    (folded.length >= 4 && label.includes(folded)) ||
    (label.length >= 4 && folded.includes(label) && folded.length <= label.length + 8) ||
    // a short brand and a word after it ("BBC News" on bbc.co.uk)
    (label.length === 3 && folded.startsWith(label) && folded.length <= label.length + 8 && words(text) <= 3)
  );
}

/** The names the site gives itself in its metadata, most deliberate first (for recognising it in titles). */
export function declaredSiteNames(signals: PageSignals): string[] {
  const publisher = signals.article ? ldNames(signals, signals.article.publisher)[0] : undefined;
  const website = signals.ld.find((n) => typesOf(n).includes('WebSite') && n.name);
  return [
    metaValue(signals, 'og:site_name'),
    website && isNode(website) ? (ldNames(signals, website.name)[0] ?? null) : null,
    publisher ?? null,
    metaValue(
      signals,
      'application-name',
      'apple-mobile-web-app-title',
      'al:ios:app_name',
      'twitter:app:name:iphone',
    ),
    metaValue(signals, 'publisher', 'dc.publisher', 'citation_publisher'),
  ].filter(isPlausibleSiteName);
}

/** Title separators between an article's title and the site's name. */
export const TITLE_SEPARATORS = / (?:[-|–—·•»«]|::|:) /;

/** A segment at either end of a title that names the host ("Albert Einstein - Wikipedia"). */
function titleSegmentNamingHost(value: string | null, signals: PageSignals): string | null {
  const segments = (value ?? '').split(TITLE_SEPARATORS).map((s) => s.trim());
  if (segments.length < 2) return null;
  return (
    [segments.at(-1)!, segments[0]!].find((s) => namesSite(s, signals, null) && isPlausibleSiteName(s)) ??
    null
  );
}

/**
 * The site's name: its og:site_name; else the end of its titles when that names the host (the brand readers
 * see, not the company behind it: "Wikipedia", not "Wikimedia Foundation, Inc."); else its JSON-LD WebSite or
 * publisher and app names; else metascraper's reading when it names the host (logos and seals refused); else
 * the host itself.
 */
export function siteName(signals: PageSignals, metascraperPublisher: string | null): string {
  const declared = declaredSiteNames(signals);
  const og = metaValue(signals, 'og:site_name');
  if (og && declared[0] === og) return og;
  const fromTitles =
    titleSegmentNamingHost(metaValue(signals, 'og:title', 'twitter:title'), signals) ??
    titleSegmentNamingHost(signals.titleTag, signals);
  if (fromTitles) return fromTitles;
  if (declared[0]) return declared[0];
  const segments = (signals.titleTag ?? '').split(TITLE_SEPARATORS).map((s) => s.trim());
  // "Article title | Blog Name": a short last segment after a title the page repeats as its heading
  if (
    segments.length === 2 &&
    signals.h1 &&
    fold(segments[0]!) === fold(signals.h1) &&
    isPlausibleSiteName(segments[1]!)
  )
    return segments[1]!;
  if (isPlausibleSiteName(metascraperPublisher) && namesSite(metascraperPublisher, signals, null))
    return metascraperPublisher;
  return signals.url.hostname.replace(/^www\./, '');
}
