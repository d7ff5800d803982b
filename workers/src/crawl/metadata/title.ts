import { metaValue, type PageSignals } from './page-signals';
import { TITLE_SEPARATORS, declaredSiteNames, namesSite } from './site-name';
import { clean, fold, words } from './text';

const MAX = 500;

/** Drops a leading or trailing segment that names the site ("Albert Einstein - Wikipedia"). */
function withoutSiteSegment(title: string, signals: PageSignals, sites: string[]): string {
  const parts = title.split(TITLE_SEPARATORS);
  if (parts.length < 2) return title;
  const separators = title.match(new RegExp(TITLE_SEPARATORS.source, 'g')) ?? [];
  const isSite = (part: string) =>
    namesSite(part, signals, null) || sites.some((site) => namesSite(part, signals, site));
  if (isSite(parts.at(-1)!)) {
    return title.slice(0, title.length - parts.at(-1)!.length - separators.at(-1)!.length).trim();
  }
  if (isSite(parts[0]!)) return title.slice(parts[0]!.length + separators[0]!.length).trim();
  return title;
}

/**
 * A <title> is the page's tab label: besides the site's name it often ends in a section or a generic
 * " | Blog". When the page's heading is one of its segments, that is the title; otherwise a short last
 * segment after a separator is dropped.
 */
function fromTitleTag(tag: string, signals: PageSignals, sites: string[]): string {
  const stripped = withoutSiteSegment(tag, signals, sites);
  if (stripped !== tag) return stripped;
  const h1 = signals.h1;
  if (h1 && fold(tag).startsWith(fold(h1)) && fold(h1).length >= 8) return h1;
  const parts = tag.split(/ (?:[-|–—·•»«]|::) /);
  if (parts.length > 1 && words(parts.at(-1)!) <= 3 && words(parts.slice(0, -1).join(' ')) >= 2)
    return tag.slice(0, tag.lastIndexOf(parts.at(-1)!)).replace(/\s*(?:[-|–—·•»«]|::)\s*$/, '');
  return tag;
}

/**
 * The page's title as it wrote it: its social title, its JSON-LD headline or name, else its <title> without
 * the site's name, else its first heading. Characters are the page's own (no quote rewriting).
 */
export function title(signals: PageSignals): string | null {
  const sites = declaredSiteNames(signals);
  const article = signals.article;
  const social = metaValue(
    signals,
    'og:title',
    'twitter:title',
    'parsely-title',
    'sailthru.title',
    'dc.title',
  );
  const fromLd = article ? (clean(article.headline) ?? clean(article.name)) : null;
  const fromParsely = signals.parsely ? clean(signals.parsely.title) : null;
  const chosen =
    (social && withoutSiteSegment(social, signals, sites)) ||
    fromLd ||
    fromParsely ||
    (signals.titleTag && fromTitleTag(signals.titleTag, signals, sites)) ||
    signals.h1 ||
    clean(signals.readable?.title);
  return chosen ? chosen.slice(0, MAX) : null;
}
