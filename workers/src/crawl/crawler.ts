import type { Redis } from '@link-archive/core';
import { FetchError } from '../http/fetch-error';
import { guardedFetch, type GuardedFetchOptions } from '../http/guarded-fetch';
import { fileCard, htmlPage, type CrawledPage } from './crawled-page';
import { decodeHtml } from './decode-html';
import { extractPage } from './extract-page';
import { FetchCache } from './fetch-cache';
import { HostBreaker } from './host-breaker';
import { HostPoliteness } from './host-politeness';
import { RobotsPolicy } from './robots';

/** The host asks us to wait (politeness interval or open breaker): the job is delayed, not failed. */
export class CrawlDelay extends Error {
  constructor(readonly ms: number) {
    super(`host busy for ${ms} ms`);
    this.name = 'CrawlDelay';
  }
}

const mimeOf = (contentType: string | null) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();
const isHtml = (contentType: string | null) =>
  ['text/html', 'application/xhtml+xml', ''].includes(mimeOf(contentType));
const isFileCard = (contentType: string | null) => {
  const mime = mimeOf(contentType);
  return mime === 'application/pdf' || mime.startsWith('image/');
};

/** A page fetched politely and safely, then turned into a card, once per normalized URL per day for everyone. */
export class Crawler {
  private readonly robots: RobotsPolicy;
  private readonly politeness: HostPoliteness;
  private readonly breaker: HostBreaker;
  private readonly cache: FetchCache<CrawledPage>;

  constructor(
    redis: Redis,
    private readonly fetchOptions: GuardedFetchOptions,
    hostIntervalMs: number,
  ) {
    this.robots = new RobotsPolicy(redis, fetchOptions);
    this.politeness = new HostPoliteness(redis, hostIntervalMs);
    this.breaker = new HostBreaker(redis);
    // a live worker renews its hold on a URL's fetch for as long as a fetch may take; a dead one's lapses in 5 s
    this.cache = new FetchCache(redis, { maxHoldMs: (fetchOptions.totalTimeoutMs ?? 30_000) + 5_000 });
  }

  async crawl(url: string, normalizedUrl: string, refresh: boolean): Promise<CrawledPage> {
    if (!refresh) return this.cache.getOrFetch(normalizedUrl, () => this.fetchPage(url));
    const page = await this.fetchPage(url);
    await this.cache.put(normalizedUrl, page);
    return page;
  }

  private async fetchPage(raw: string): Promise<CrawledPage> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new FetchError('INVALID_URL', 'not a valid URL', true);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new FetchError('UNSUPPORTED_SCHEME', `${url.protocol} URLs are not fetched`, true);
    const openFor = await this.breaker.openFor(url.host);
    if (openFor > 0) throw new CrawlDelay(openFor * 1000);
    const verdict = await this.robots.check(url);
    if (!verdict.allowed)
      throw new FetchError('ROBOTS_DISALLOWED', `robots.txt of ${url.host} disallows this page`, true);
    const wait = await this.politeness.acquire(url.host, verdict.crawlDelaySeconds);
    if (wait > 0) throw new CrawlDelay(wait);

    let res;
    try {
      res = await guardedFetch(url.href, {
        ...this.fetchOptions,
        wantsBody: (type) => isHtml(type),
      });
    } catch (err) {
      if (err instanceof FetchError && !err.permanent) await this.breaker.failure(url.host);
      throw err;
    }
    await this.breaker.success(url.host);
    if (isHtml(res.contentType)) {
      const { text } = decodeHtml(res.body, res.contentType);
      return htmlPage(await extractPage(text, res.url), res.url, res.contentType);
    }
    if (isFileCard(res.contentType)) {
      const disposition = res.headers['content-disposition'];
      return fileCard(res.url, mimeOf(res.contentType), disposition);
    }
    throw new FetchError(
      'UNSUPPORTED_CONTENT_TYPE',
      `${mimeOf(res.contentType)} is neither a web page, a PDF nor an image`,
      true,
    );
  }
}
