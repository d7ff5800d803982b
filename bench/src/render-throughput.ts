/**
 * The renderer's throughput: client-rendered pages (a shell, a script that builds ~1,500 words, a stylesheet
 * and two images, all from a local site) rendered by one process's PageRenderer — the render jobs' class, every
 * request through the guarded client — at 1 and 2 pages at once, with a screenshot each.
 */
import { createServer, type Server } from 'node:http';
import { createLogger } from '@link-archive/core';
import { AllowedHosts, PageRenderer, findChromium } from '@link-archive/workers/render';
import { percentile } from './bench-client';

const PAGES = Number(process.env.BENCH_RENDER_PAGES ?? 40);

export interface RenderRun {
  concurrency: number;
  pages: number;
  pagesPerSecond: number;
  p50: number;
  p95: number;
}
export interface RenderFigures {
  chromium: string | null;
  runs: RenderRun[];
  rssMb: number;
}

const SCRIPT = `
const words = 'the harbour office kept its tide tables by hand until the first calculating machine arrived'.split(' ');
const p = (n) => '<p>' + Array.from({ length: 60 }, (_, i) => words[(i + n) % words.length]).join(' ') + '.</p>';
document.title = 'Rendered page ' + location.pathname;
document.getElementById('root').innerHTML = '<article><h1>' + document.title + '</h1>' +
  Array.from({ length: 25 }, (_, i) => p(i)).join('') + '<img src="/a.svg"><img src="/b.svg"></article>';
`;
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#3a7"/></svg>';

function site(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/page/'))
      return res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          '<!doctype html><html lang="en"><head><link rel="stylesheet" href="/s.css"></head><body><div id="root"></div><script src="/app.js"></script></body></html>',
        );
    if (path === '/app.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(SCRIPT);
    if (path === '/s.css')
      return res.writeHead(200, { 'content-type': 'text/css' }).end('body{font:16px serif;margin:2em}');
    if (path.endsWith('.svg')) return res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(SVG);
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function runRenderBenchmark(): Promise<RenderFigures> {
  const chromium = findChromium(process.env.CHROMIUM_PATH);
  if (!chromium) return { chromium: null, runs: [], rssMb: 0 };
  const server = await site();
  const port = (server.address() as { port: number }).port;
  const renderer = new PageRenderer(
    chromium,
    { allowedHosts: new AllowedHosts(`127.0.0.1:${port}`) },
    { totalTimeoutMs: 20_000, maxRequests: 150, maxTotalBytes: 20 * 1024 * 1024 },
    createLogger('bench-render', 'silent'),
  );
  const runs: RenderRun[] = [];
  try {
    await renderer.render(`http://127.0.0.1:${port}/page/warm-up`, { screenshot: true });
    for (const concurrency of [1, 2]) {
      const times: number[] = [];
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < PAGES) {
            const n = next++;
            const t = performance.now();
            const page = await renderer.render(`http://127.0.0.1:${port}/page/${concurrency}-${n}`, {
              screenshot: true,
            });
            if (!page.html.includes('calculating machine')) throw new Error('the page was not built');
            times.push(performance.now() - t);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      times.sort((a, b) => a - b);
      runs.push({
        concurrency,
        pages: PAGES,
        pagesPerSecond: Math.round((PAGES / seconds) * 10) / 10,
        p50: Math.round(percentile(times, 0.5)),
        p95: Math.round(percentile(times, 0.95)),
      });
    }
  } finally {
    await renderer.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return { chromium, runs, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) };
}

export function renderSection(f: RenderFigures): string {
  if (!f.chromium)
    return '## Renderer throughput\n\nNot measured: no Chromium on this machine (apt install chromium).\n';
  const rows = f.runs
    .map((r) => `| ${r.concurrency} | ${r.pages} | ${r.pagesPerSecond} | ${r.p50} ms | ${r.p95} ms |`)
    .join('\n');
  return `## Renderer throughput

Client-rendered pages (a shell whose script builds ~1,500 words, a stylesheet and two images, from a local
site) rendered by one worker process's PageRenderer — the render jobs' own class: Debian's Chromium headless,
every request served through the guarded client — each with its screenshot. \`BENCH_ONLY=render npm run bench\`.

| pages at once (RENDER_CONCURRENCY) | pages | pages/s per process | p50 | p95 |
| ---: | ---: | ---: | ---: | ---: |
${rows}
`;
}
