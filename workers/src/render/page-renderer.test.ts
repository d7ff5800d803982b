import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type Server as NetServer } from 'node:net';
import { createLogger } from '@link-archive/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllowedHosts } from '../http/address-policy';
import { findChromium } from './chromium';
import { PageRenderer } from './page-renderer';

const chromium = findChromium(process.env.CHROMIUM_PATH);

/** A server that only counts who connects: nothing the renderer does may reach it. */
async function trap(): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const server: NetServer = createNetServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    connections: () => connections,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let site: Server;
let sitePort: number;
let traps: Awaited<ReturnType<typeof trap>>[];
let renderer: PageRenderer;
const connectedTo: string[] = [];
let sentinelServed = false;

const APP_JS = (t: number, u: number) => `
document.title = 'Rendered in the browser';
const app = document.getElementById('app');
app.innerHTML = '<article><h1>Rendered in the browser</h1>' +
  Array.from({ length: 6 }, (_, i) => '<p>Paragraph ' + i + ' was written by a script, because this page is an application that builds its content after it loads in a browser.</p>').join('') +
  '</article>';
// everything below aims at addresses no render may reach
fetch('http://127.0.0.1:${t}/steal').catch(() => {});
new Image().src = 'http://169.254.169.254/latest/meta-data/';
new Image().src = 'http://127.0.0.1:${u}/pixel.gif';
const frame = document.createElement('iframe'); frame.src = 'http://localhost:${t}/frame'; document.body.appendChild(frame);
const hop = document.createElement('iframe'); hop.src = '/hop'; document.body.appendChild(hop);
const s = document.createElement('script'); s.src = 'http://127.0.0.1:${u}/evil.js'; document.head.appendChild(s);
try { new WebSocket('ws://127.0.0.1:${t}/socket'); } catch (e) {}
try { navigator.sendBeacon('http://127.0.0.1:${t}/beacon', 'x'); } catch (e) {}
// issued after every attempt above: when the site has served it, each of them was made (and refused) before
fetch('/sentinel');
`;

beforeAll(async () => {
  if (!chromium) throw new Error('no Chromium: apt install chromium, or set CHROMIUM_PATH');
  traps = [await trap(), await trap()];
  const [t, u] = traps.map((x) => x.port) as [number, number];
  site = createHttpServer((req, res) => {
    if (req.url === '/app')
      return res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><html lang="en"><head><title>Loading…</title><img src="http://169.254.169.254/x.png"></head><body><div id="app"></div><script src="/app.js"></script></body></html>`,
        );
    if (req.url === '/app.js')
      return res.writeHead(200, { 'content-type': 'text/javascript' }).end(APP_JS(t, u));
    if (req.url === '/sentinel') {
      sentinelServed = true;
      return res.writeHead(204).end();
    }
    if (req.url === '/hop')
      return res.writeHead(302, { location: `http://127.0.0.1:${u}/after-redirect` }).end();
    if (req.url === '/leave') return res.writeHead(301, { location: `http://localhost:${t}/` }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  sitePort = (site.address() as { port: number }).port;
  renderer = new PageRenderer(
    chromium,
    {
      allowedHosts: new AllowedHosts(`127.0.0.1:${sitePort}`),
      totalTimeoutMs: 10_000,
      onConnect: (address, url) => connectedTo.push(`${address} ${url.host}`),
    },
    { totalTimeoutMs: 15_000, maxRequests: 50, maxTotalBytes: 5 * 1024 * 1024 },
    createLogger('render-test', 'silent'),
  );
});

afterAll(async () => {
  await renderer?.close();
  await new Promise<void>((resolve) => site?.close(() => resolve()));
  for (const t of traps ?? []) await t.close();
});

describe('PageRenderer (headless Chromium behind the guarded client)', () => {
  it('renders what scripts build, and nothing it makes reaches a blocked address', async () => {
    const rendered = await renderer.render(`http://127.0.0.1:${sitePort}/app`, { screenshot: true });
    expect(rendered.html).toContain('Paragraph 5 was written by a script');
    expect(rendered.html).toContain('<title>Rendered in the browser</title>');
    expect(rendered.finalUrl).toBe(`http://127.0.0.1:${sitePort}/app`);
    expect(rendered.screenshot!.subarray(1, 4).toString()).toBe('PNG');
    // the page's last request reached the site, so every blocked attempt before it was made: none reached a trap
    expect(sentinelServed).toBe(true);
    for (const t of traps) expect(t.connections()).toBe(0);
    // the guarded client connected to the allowed site only, never to the metadata address or a trap
    expect(connectedTo.length).toBeGreaterThan(0);
    for (const line of connectedTo) expect(line).toBe(`127.0.0.1 127.0.0.1:${sitePort}`);
  });

  it('refuses a page that redirects to a private name', async () => {
    await expect(
      renderer.render(`http://127.0.0.1:${sitePort}/leave`, { screenshot: false }),
    ).rejects.toMatchObject({
      code: 'BLOCKED_ADDRESS',
    });
    expect(traps[0]!.connections()).toBe(0);
  });
});
