import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import createMetascraper from 'metascraper';
import { metascraperRules } from '@link-archive/workers/extract';

/** The same metascraper rules as the crawl worker. */
const metascraper = createMetascraper(metascraperRules());

/** metascraper as its README uses it: given the HTML, it parses it itself (cheerio's default parser). */
export const stockMetascraper = (html: string, url: string) => metascraper({ html, url, validateUrl: false });

/** Readability as its README uses it, on a linkedom document, with its default options. */
export function stockReadability(html: string) {
  const { document } = parseHTML(html);
  return new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
}
