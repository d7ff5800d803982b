import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import {
  articleHtml,
  html,
  pngClaiming,
  redirect,
  stack,
  startSite,
  text,
  type FixtureSite,
} from '@link-archive/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPipelineHarness, type PipelineHarness } from '../../test/pipeline-harness';

let site: FixtureSite;
let harness: PipelineHarness;

const hops = Object.fromEntries(
  Array.from({ length: 7 }, (_, i) => [`/hop/${i}`, redirect(`/hop/${i + 1}`)] as const),
);

beforeAll(async () => {
  site = await startSite(
    {
      ...hops,
      '/to-private': redirect('http://db.private.test/admin'),
      '/huge': (_req, res) => {
        // 50 MiB without a Content-Length: the cap has to cut the stream itself
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        let sent = 0;
        const pump = () => {
          while (sent < 50 && res.write(chunk)) sent++;
          if (sent >= 50) res.end();
          else res.once('drain', pump);
        };
        res.on('error', () => {});
        pump();
      },
      '/slow': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        const timer = setInterval(() => res.write('<'), 1_000);
        req.socket.on('close', () => clearInterval(timer));
      },
      '/archive.zip': text(Buffer.from('PK\u0003\u0004'), 'application/zip'),
      '/gzip-bomb': text(gzipSync(Buffer.alloc(100 * 1024 * 1024)), 'text/html', {
        'content-encoding': 'gzip',
      }),
      '/euc-kr': html(
        iconv.encode(
          '<html><head><meta charset="euc-kr"><title>김치 담그는 법</title></head><body><p>배추를 소금에 절인다.</p></body></html>',
          'euc-kr',
        ),
        'text/html',
      ),
      '/broken': html(
        '<html><head><title>Broken but readable</title><script type="application/ld+json">{"@type": "Product", "name": </script><body><div><p>unclosed <b>tags <i>everywhere',
      ),
      '/private/secret': html('<title>secret</title>'),
      '/popular': html(
        '<html><head><title>Popular</title></head><body><p>Everyone saves this page.</p></body></html>',
      ),
      '/challenge': html(
        '<html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>',
      ),
      '/paper.pdf': text(Buffer.from('%PDF-1.7\n'), 'application/pdf'),
      '/bomb-page': html(
        articleHtml({
          title: 'A page with a bomb for an image',
          description: 'Its og:image claims 50 000 × 50 000 pixels.',
          image: '/bomb.png',
          body: 'The thumbnail worker must refuse the image from its header, before decoding a single pixel.',
        }),
      ),
      '/bomb.png': text(pngClaiming(50_000, 50_000), 'image/png'),
    },
    { port: stack().sitePort },
  );
  harness = await startPipelineHarness('bad-input');
});

afterAll(async () => {
  await harness.close();
  await site.close();
});

const BLOCKED: [string, string][] = [
  ['loopback', 'http://127.0.0.1:9/'],
  ['IPv6 loopback', 'http://[::1]:8080/'],
  ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
  ['private 10.x', 'http://10.1.2.3/'],
  ['decimal IP', 'http://2130706433/'],
  ['octal IP', 'http://0177.0.0.1/'],
  ['hex IP', 'http://0x7f.0.0.1/'],
  ['IPv4-mapped IPv6', 'http://[::ffff:10.0.0.1]/'],
  ['a name resolving to a private address', 'http://db.private.test/'],
];

describe('the crawl pipeline on bad input', () => {
  it.each(BLOCKED)('fails %s with BLOCKED_ADDRESS and opens no socket', async (_name, url) => {
    const id = await harness.save(url);
    expect(await harness.waitForLink(id)).toMatchObject({ status: 'FAILED', error: 'BLOCKED_ADDRESS' });
  });

  it.each([
    ['a redirect chain into a private address', '/to-private', 'BLOCKED_ADDRESS'],
    ['a 6-hop redirect', '/hop/0', 'TOO_MANY_REDIRECTS'],
    ['a 50 MiB body', '/huge', 'TOO_LARGE'],
    ['a gzip bomb', '/gzip-bomb', 'TOO_LARGE'],
    ['a slow server (1 byte per second)', '/slow', 'TIMEOUT'],
    ['a type that is neither page, PDF nor image', '/archive.zip', 'UNSUPPORTED_CONTENT_TYPE'],
    ['a robots.txt disallow', '/private/secret', 'ROBOTS_DISALLOWED'],
    ['a missing page', '/missing', 'HTTP_404'],
    ['a bot challenge page', '/challenge', 'CHALLENGE_PAGE'],
  ])('fails %s with a specific error', async (_name, path, error) => {
    const id = await harness.save(site.url(path));
    expect(await harness.waitForLink(id)).toMatchObject({ status: 'FAILED', error });
  });

  it('keeps a permanently failed job, with its reason, for inspection', async () => {
    const id = await harness.save(site.url('/missing-too'));
    expect(await harness.waitForLink(id)).toMatchObject({ status: 'FAILED', error: 'HTTP_404' });
    // the reason is recorded on the link first, then the job fails
    const queue = harness.deps.enqueuer.queue('crawl');
    const deadline = Date.now() + 5_000;
    while ((await queue.getJobState(`crawl-${id}-1`)) !== 'failed' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
    }
    const job = await queue.getJob(`crawl-${id}-1`);
    expect(await job!.getState()).toBe('failed');
    expect(job!.failedReason).toMatch(/^HTTP_404/);
    expect(job!.attemptsMade).toBe(1);
  });

  it('fetches a URL saved by many people once', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => harness.save(site.url('/popular'))));
    for (const id of ids)
      expect(await harness.waitForLink(id)).toMatchObject({ status: 'READY', title: 'Popular' });
    expect(site.hits.get('/popular')).toBe(1);
  });

  it('decodes an EUC-KR page', async () => {
    const id = await harness.save(site.url('/euc-kr'));
    expect(await harness.waitForLink(id)).toMatchObject({ status: 'READY', title: '김치 담그는 법' });
  });

  it('reads broken HTML and broken JSON-LD', async () => {
    const id = await harness.save(site.url('/broken'));
    const row = await harness.waitForLink(id);
    expect(row).toMatchObject({ status: 'READY', error: null, title: 'Broken but readable' });
    expect(row.structured_data).toMatchObject({ aggregateRating: null, reviews: [] });
  });

  it('gives a PDF a card from its headers and URL', async () => {
    const id = await harness.save(site.url('/paper.pdf'));
    expect(await harness.waitForLink(id)).toMatchObject({
      status: 'READY',
      page_kind: 'DOCUMENT',
      title: 'paper.pdf',
    });
  });

  it('keeps the card of a page whose image is a decompression bomb, and records why it has no thumbnail', async () => {
    const id = await harness.save(site.url('/bomb-page'));
    expect(await harness.waitForLink(id)).toMatchObject({
      status: 'READY',
      image_url: site.url('/bomb.png'),
    });
    const deadline = Date.now() + 10_000;
    let asset: { status: string; error: string } | undefined;
    while (!asset && Date.now() < deadline) {
      const { rows } = await harness.deps.db.query(
        `SELECT status, error FROM media.media_assets WHERE link_id = $1 AND kind = 'THUMBNAIL'`,
        [id],
      );
      asset = rows[0];
      if (!asset) await new Promise((r) => setTimeout(r, 50));
    }
    expect(asset).toEqual({ status: 'FAILED', error: 'IMAGE_TOO_LARGE' });
  });

  it('never opened a socket to anything but the allowed test site, and kept every worker running', () => {
    expect(harness.workers.every((w) => w.isRunning())).toBe(true);
    expect(harness.connects.length).toBeGreaterThan(0);
    expect(new Set(harness.connects)).toEqual(new Set(['127.0.0.1']));
  });
});
