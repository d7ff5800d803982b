import type { Redis } from '@link-archive/core';
import { LRUCache } from 'lru-cache';
import robotsParser from 'robots-parser';
import { FetchError } from '../http/fetch-error';
import { guardedFetch, type GuardedFetchOptions } from '../http/guarded-fetch';

export const BOT_TOKEN = 'LinkArchiveBot';
const UNREACHABLE = '\u0000unreachable';
const TTL_SECONDS = 86_400;
const UNREACHABLE_TTL_SECONDS = 600;
const UNREACHABLE_SITE = new Set(['BLOCKED_ADDRESS', 'DNS_NOT_FOUND', 'INVALID_URL', 'UNSUPPORTED_SCHEME']);

type Robot = ReturnType<typeof robotsParser>;

export interface RobotsVerdict {
  allowed: boolean;
  crawlDelaySeconds?: number;
}

/**
 * robots.txt per origin, cached in Redis for a day (RFC 9309): 2xx is parsed, 4xx means everything is
 * allowed, and an unreachable or failing robots.txt disallows the site for ten minutes.
 */
export class RobotsPolicy {
  /** Parsed robots.txt per origin for a minute in this process, in front of the shared Redis copy. */
  private readonly parsed = new LRUCache<string, Robot | false>({ max: 5_000, ttl: 60_000 });

  constructor(
    private readonly redis: Redis,
    private readonly fetchOptions: GuardedFetchOptions = {},
  ) {}

  async check(url: URL): Promise<RobotsVerdict> {
    const robotsUrl = `${url.origin}/robots.txt`;
    let robots = this.parsed.get(robotsUrl);
    if (robots === undefined) {
      const text = await this.robotsTxt(robotsUrl);
      robots = text === UNREACHABLE ? false : robotsParser(robotsUrl, text);
      this.parsed.set(robotsUrl, robots);
    }
    if (robots === false) return { allowed: false };
    return {
      allowed: robots.isAllowed(url.href, BOT_TOKEN) !== false,
      crawlDelaySeconds: robots.getCrawlDelay(BOT_TOKEN),
    };
  }

  private async robotsTxt(robotsUrl: string): Promise<string> {
    const key = `robots:${robotsUrl}`;
    const cached = await this.redis.get(key);
    if (cached !== null) return cached;
    let text: string;
    let ttl = TTL_SECONDS;
    try {
      const res = await guardedFetch(robotsUrl, {
        maxBytes: 512 * 1024,
        headersTimeoutMs: 5_000,
        totalTimeoutMs: 10_000,
        accept: 'text/plain,*/*;q=0.5',
        ...this.fetchOptions,
      });
      text = res.body.toString('utf8');
    } catch (err) {
      // a site we may not reach at all fails the crawl for that reason, not as a robots verdict
      if (err instanceof FetchError && UNREACHABLE_SITE.has(err.code)) throw err;
      const clientError =
        err instanceof FetchError && /^HTTP_4\d\d$/.test(err.code) && err.code !== 'HTTP_429';
      text = clientError ? '' : UNREACHABLE;
      if (!clientError) ttl = UNREACHABLE_TTL_SECONDS;
    }
    await this.redis.set(key, text, 'EX', ttl);
    return text;
  }
}
