import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import createMetascraper from 'metascraper';
import metascraperAuthor from 'metascraper-author';
import metascraperDate from 'metascraper-date';
import metascraperDescription from 'metascraper-description';
import metascraperImage from 'metascraper-image';
import metascraperLang from 'metascraper-lang';
import metascraperPublisher from 'metascraper-publisher';
import metascraperTitle from 'metascraper-title';
import metascraperUrl from 'metascraper-url';

/** metascraper with every rule set a link card needs (title, description, image, author, date, publisher, url, lang). */
const metascraper = createMetascraper([
  metascraperTitle(),
  metascraperDescription(),
  metascraperImage(),
  metascraperAuthor(),
  metascraperDate(),
  metascraperPublisher(),
  metascraperUrl(),
  metascraperLang(),
]);

/** metascraper as its README uses it: given the HTML, it parses it itself (cheerio's default parser). */
export const stockMetascraper = (html: string, url: string) => metascraper({ html, url, validateUrl: false });

/** Readability as its README uses it, on a linkedom document, with its default options. */
export function stockReadability(html: string) {
  // linkedom types its result as the DOM's Window, which this DOM-less build knows only from packages' global
  // additions (Apollo Client's): read it untyped, as before those
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const { document } = parseHTML(html) as unknown as { document: any };
  return new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
}
