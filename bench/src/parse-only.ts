/**
 * A child process of the crawl benchmark: the extraction libraries alone, used as their READMEs do
 * (metascraper given the HTML, Readability on a linkedom document), in a loop over the fixture pages.
 * Reports pages/s for both together, the milliseconds per page of each, and pages/s of the crawl worker's
 * own extraction (the same libraries, used more frugally, plus JSON-LD and language) for comparison.
 */
import { extractPage } from '@link-archive/workers/extract';
import { articlePage } from './fixture-pages';
import { stockMetascraper, stockReadability } from './stock-extraction';

async function timed(pages: string[], seconds: number, work: (html: string, i: number) => Promise<unknown>) {
  let done = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    await work(pages[done % pages.length]!, done);
    done++;
  }
  return { pages: done, seconds: (performance.now() - started) / 1000 };
}

async function main() {
  const seconds = Number(process.argv[2] ?? 10);
  const pages = Array.from({ length: 50 }, (_, i) => articlePage(i));
  const both = async (html: string, i: number) => {
    await stockMetascraper(html, `http://127.0.0.1/p/${i}`);
    stockReadability(html);
  };
  await timed(pages, 2, both); // warm-up
  const result = await timed(pages, seconds, both);
  const meta = await timed(pages, 2, (html, i) => stockMetascraper(html, `http://127.0.0.1/p/${i}`));
  const readability = await timed(pages, 2, async (html) => stockReadability(html));
  const ours = await timed(pages, seconds, (html, i) => extractPage(html, `http://127.0.0.1/p/${i}`));
  process.send!({
    ...result,
    oursPerSecond: ours.pages / ours.seconds,
    metascraperMs: (meta.seconds * 1000) / meta.pages,
    readabilityMs: (readability.seconds * 1000) / readability.pages,
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
