import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, html, signUp, stack, startSite, text, type FixtureSite } from '@link-archive/testkit';

const READ = `query($id: ID!) {
  link(id: $id) {
    status error title excerpt wordCount contentUrl
    screenshot { kind status width height small: url(size: SMALL) medium: url(size: MEDIUM) large: url(size: LARGE) }
    thumbnail { kind status small: url(size: SMALL) }
  }
}`;

interface Rendered {
  status: string;
  error: string | null;
  title: string | null;
  excerpt: string | null;
  wordCount: number | null;
  contentUrl: string | null;
  screenshot: {
    kind: string;
    status: string;
    width: number;
    height: number;
    small: string;
    medium: string;
    large: string;
  } | null;
  thumbnail: { kind: string; status: string; small: string } | null;
}

let site: FixtureSite;
let trap: Server;
let trapPort = 0;
let trapConnections = 0;

/** A client-rendered app: the served HTML holds a loading shell; the title and the text exist only after its script runs. */
const SHELL = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Loading…</title></head>
<body><div id="root"><noscript>You need to enable JavaScript to run this app.</noscript></div><script src="/spa.js"></script></body></html>`;
const spaScript = () => `
document.title = 'Tide tables of the northern coast';
document.getElementById('root').innerHTML = '<article><h1>Tide tables of the northern coast</h1>' +
  Array.from({ length: 5 }, (_, i) => '<p>Section ' + (i + 1) + ': the tide tables of the northern coast were computed by hand until the harbour office bought its first calculating machine.</p>').join('') + '</article>';
fetch('http://127.0.0.1:${trapPort}/exfiltrate').catch(() => {});
new Image().src = 'http://169.254.169.254/latest/meta-data/iam';
const f = document.createElement('iframe'); f.src = 'http://localhost:${trapPort}/'; document.body.appendChild(f);
fetch('/spa-sentinel');
`;

beforeAll(async () => {
  trap = createServer((socket) => {
    trapConnections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  trapPort = (trap.address() as { port: number }).port;
  site = await startSite(
    {
      '/spa': html(SHELL),
      '/spa.js': (req, res) => text(spaScript(), 'text/javascript')(req, res),
      '/spa-sentinel': text('', 'text/plain'),
    },
    { port: stack().sitePort },
  );
});
afterAll(async () => {
  await site.close();
  await new Promise<void>((resolve) => trap.close(() => resolve()));
});

describe('pages that need a browser', () => {
  it('reads a client-rendered page through headless Chromium, with its screenshot as thumbnail, reaching nothing private', async () => {
    const owner = await signUp();
    const { saveLink } = await execute<{ saveLink: { id: string } }>(
      'mutation($url: String!) { saveLink(url: $url, visibility: PUBLIC) { id } }',
      { url: site.url('/spa') },
      { token: owner.accessToken },
    );
    const deadline = Date.now() + 60_000;
    let link: Rendered;
    for (;;) {
      link = (await execute<{ link: Rendered }>(READ, { id: saveLink.id }, { token: owner.accessToken }))
        .link;
      if ((link.status === 'READY' && link.screenshot && link.thumbnail) || link.status === 'FAILED') break;
      if (Date.now() > deadline) throw new Error(`not rendered in time: ${JSON.stringify(link)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(link).toMatchObject({ status: 'READY', error: null, title: 'Tide tables of the northern coast' });
    expect(link.excerpt).toContain('Section 1: the tide tables of the northern coast were computed by hand');
    expect(link.wordCount).toBeGreaterThan(90);
    expect(await (await fetch(link.contentUrl!)).text()).toContain('Section 5: the tide tables');
    // the first screen, in the three sizes, is the link's screenshot and (the page has no image) its thumbnail
    expect(link.screenshot).toMatchObject({ kind: 'SCREENSHOT', status: 'READY', width: 1280, height: 800 });
    for (const url of [link.screenshot!.small, link.screenshot!.medium, link.screenshot!.large]) {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/webp');
    }
    expect(link.thumbnail).toMatchObject({
      kind: 'THUMBNAIL',
      status: 'READY',
      small: link.screenshot!.small,
    });
    // the script's last request (after its private-address attempts) reached the site: none of those reached the trap
    expect(site.hits.get('/spa-sentinel')).toBeGreaterThanOrEqual(1);
    expect(trapConnections).toBe(0);
  });
});
