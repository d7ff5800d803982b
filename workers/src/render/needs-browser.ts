import type { CrawledPage } from '../crawl/crawled-page';

/** Less readable text than this, on a page that runs scripts, means the content is built in the browser. */
const MIN_READABLE = 200;

/**
 * Whether a crawled page must be rendered to be read: an HTML page whose markup holds almost no readable text
 * but runs scripts (client-rendered apps, some review platforms). Pages with structured product or place data
 * already say what they are.
 */
export function needsBrowser(page: CrawledPage): boolean {
  if (!page.contentType?.includes('html') || !page.scripted) return false;
  if (page.kind === 'PRODUCT' || page.kind === 'PLACE') return false;
  return page.text.length < MIN_READABLE;
}
