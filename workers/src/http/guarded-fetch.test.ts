import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { AllowedHosts } from './address-policy';
import { FetchError } from './fetch-error';
import { guardedFetch, type GuardedFetchOptions } from './guarded-fetch';

interface Site {
  server: Server;
  port: number;
  origin: string;
  /** TCP connections the server accepted. */
  connections: () => number;
}

const sites: Site[] = [];
afterAll(async () => {
  await Promise.all(sites.map((s) => new Promise((r) => s.server.close(r))));
});

async function site(handler: RequestListener): Promise<Site> {
  const server = createServer(handler);
  let connections = 0;
  server.on('connection', (socket) => {
    connections++;
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const s = { server, port, origin: `http://127.0.0.1:${port}`, connections: () => connections };
  sites.push(s);
  return s;
}

const html =
  (body: string): RequestListener =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  };

/** Runs a fetch, recording every address a socket was opened to. */
async function attempt(url: string, options: GuardedFetchOptions = {}) {
  const connects: string[] = [];
  try {
    const result = await guardedFetch(url, { ...options, onConnect: (address) => connects.push(address) });
    return { result, connects, error: undefined };
  } catch (error) {
    return { result: undefined, connects, error: error as FetchError };
  }
}

const allow = (...sitesToAllow: Site[]) => new AllowedHosts(sitesToAllow.map((s) => `127.0.0.1:${s.port}`));

describe('guardedFetch', () => {
  it('fetches an allowed local site', async () => {
    const s = await site(html('<title>ok</title>'));
    const { result } = await attempt(`${s.origin}/page`, { allowedHosts: allow(s) });
    expect(result?.status).toBe(200);
    expect(result?.contentType).toBe('text/html; charset=utf-8');
    expect(result?.body.toString()).toBe('<title>ok</title>');
  });

  it.each([
    ['loopback', (p: number) => `http://127.0.0.1:${p}/`],
    ['IPv6 loopback', (p: number) => `http://[::1]:${p}/`],
    ['IPv4-mapped IPv6 loopback', (p: number) => `http://[::ffff:127.0.0.1]:${p}/`],
    ['decimal IP', (p: number) => `http://2130706433:${p}/`],
    ['octal IP', (p: number) => `http://0177.0.0.1:${p}/`],
    ['hex IP', (p: number) => `http://0x7f.0.0.1:${p}/`],
    ['DNS name resolving to loopback', (p: number) => `http://localhost:${p}/`],
  ])('refuses a %s without opening a socket', async (_name, urlFor) => {
    const s = await site(html('secret'));
    const { error, connects } = await attempt(urlFor(s.port));
    expect(error?.code).toBe('BLOCKED_ADDRESS');
    expect(error?.permanent).toBe(true);
    expect(connects).toEqual([]);
    expect(s.connections()).toBe(0);
  });

  it.each([
    'http://169.254.169.254/latest/meta-data/',
    'http://10.1.2.3/',
    'http://192.168.0.1/',
    'http://100.64.0.1/',
    'http://[fd00::1]/',
    'http://224.0.0.1/',
    'http://0.0.0.0/',
    'http://[::ffff:a9fe:a9fe]/',
    // IPv6 forms that carry an IPv4 address are judged by it
    'http://[::7f00:1]/',
    'http://[::127.0.0.1]/',
    'http://[::a9fe:a9fe]/latest/meta-data/',
    'http://[::ffff:0:7f00:1]/',
    'http://[64:ff9b::7f00:1]/',
    'http://[64:ff9b:1::a00:1]/',
    'http://[2002:7f00:1::1]/',
    'http://[2002:a9fe:a9fe::]/',
    'http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/', // Teredo, client 127.0.0.1
  ])('refuses %s without opening a socket', async (url) => {
    const { error, connects } = await attempt(url);
    expect(error?.code).toBe('BLOCKED_ADDRESS');
    expect(connects).toEqual([]);
  });

  it('refuses a name that resolves to an IPv4-compatible loopback address', async () => {
    const resolve = async () => [{ address: '::7f00:1', family: 6 }];
    const { error, connects } = await attempt('http://sneaky.example/', { resolve });
    expect(error?.code).toBe('BLOCKED_ADDRESS');
    expect(connects).toEqual([]);
  });

  it.each(['http://public.example:22/', 'http://public.example:6379/', 'https://public.example:25/'])(
    'fetches only ports 80 and 443 of a public host: %s',
    async (url) => {
      const resolve = async () => [{ address: '93.184.216.34', family: 4 }];
      const { error, connects } = await attempt(url, { resolve });
      expect(error?.code).toBe('BLOCKED_PORT');
      expect(error?.permanent).toBe(true);
      expect(connects).toEqual([]);
    },
  );

  it('fetches another port only where CRAWLER_ALLOWED_HOSTS names host:port', async () => {
    const s = await site(html('<title>on a named port</title>'));
    const named = await attempt(`${s.origin}/`, { allowedHosts: allow(s) });
    expect(named.result?.status).toBe(200);
    const hostOnly = await attempt(`${s.origin}/`, { allowedHosts: new AllowedHosts(['127.0.0.1']) });
    expect(hostOnly.error?.code).toBe('BLOCKED_PORT');
  });

  it('refuses a name when any of its DNS answers is private', async () => {
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    const { error, connects } = await attempt('http://rebind.example/', { resolve });
    expect(error?.code).toBe('BLOCKED_ADDRESS');
    expect(connects).toEqual([]);
  });

  it('connects to the address it checked, not to a second DNS answer', async () => {
    const s = await site(html('pinned'));
    let calls = 0;
    // a rebinding resolver: the first answer is checked, later ones would point elsewhere
    const resolve = async () =>
      calls++ === 0 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '10.9.9.9', family: 4 }];
    const { result, connects } = await attempt(`http://site.test:${s.port}/`, {
      resolve,
      allowedHosts: new AllowedHosts([`site.test:${s.port}`]),
    });
    expect(result?.body.toString()).toBe('pinned');
    expect(connects).toEqual(['127.0.0.1']);
    expect(calls).toBe(1);
  });

  it('checks every redirect hop again: a chain into a private address is refused', async () => {
    const inner = await site(html('internal'));
    const outer = await site((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${inner.port}/admin` });
      res.end();
    });
    const { error, connects } = await attempt(`${outer.origin}/`, { allowedHosts: allow(outer) });
    expect(error?.code).toBe('BLOCKED_ADDRESS');
    expect(connects).toEqual(['127.0.0.1']);
    expect(inner.connections()).toBe(0);
  });

  it('follows 5 redirects and refuses the 6th', async () => {
    const hops = await site((req, res) => {
      const n = Number(req.url?.slice(1) ?? 0);
      if (n > 0) {
        res.writeHead(301, { location: `/${n - 1}` });
        return res.end();
      }
      html('arrived')(req, res);
    });
    const five = await attempt(`${hops.origin}/5`, { allowedHosts: allow(hops) });
    expect(five.result?.body.toString()).toBe('arrived');
    expect(five.result?.redirects).toHaveLength(5);
    const six = await attempt(`${hops.origin}/6`, { allowedHosts: allow(hops) });
    expect(six.error?.code).toBe('TOO_MANY_REDIRECTS');
  });

  it('keeps its defaults for options passed as undefined', async () => {
    const s = await site(html('defaults'));
    const { result } = await attempt(s.origin, {
      allowedHosts: allow(s),
      maxBytes: undefined,
      totalTimeoutMs: undefined,
    });
    expect(result?.body.toString()).toBe('defaults');
  });

  it('refuses other schemes, also when a redirect leads there', async () => {
    expect((await attempt('ftp://example.com/file')).error?.code).toBe('UNSUPPORTED_SCHEME');
    const s = await site((_req, res) => {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
    });
    expect((await attempt(s.origin, { allowedHosts: allow(s) })).error?.code).toBe('UNSUPPORTED_SCHEME');
  });

  it('stops a 50 MiB body at the cap', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const big = await site((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      let sent = 0;
      const write = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', write);
        }
        res.end();
      };
      res.on('error', () => {});
      write();
    });
    const { error } = await attempt(big.origin, { allowedHosts: allow(big), maxBytes: 5 * 1024 * 1024 });
    expect(error?.code).toBe('TOO_LARGE');
    const declared = await site((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
      res.on('error', () => {});
      res.write('x');
    });
    expect((await attempt(declared.origin, { allowedHosts: allow(declared) })).error?.code).toBe('TOO_LARGE');
  });

  it('stops a gzip bomb by its decompressed size', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const s = await site((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(bomb);
    });
    const { error } = await attempt(s.origin, { allowedHosts: allow(s), maxBytes: 5 * 1024 * 1024 });
    expect(error?.code).toBe('TOO_LARGE');
  });

  it('gives up on a server sending one byte per second', async () => {
    const slow = await site((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('x'), 1_000);
      res.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    const { error } = await attempt(slow.origin, { allowedHosts: allow(slow), totalTimeoutMs: 1_500 });
    expect(error?.code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(5_000);
    const silent = await site(() => {});
    const headers = await attempt(silent.origin, { allowedHosts: allow(silent), headersTimeoutMs: 300 });
    expect(headers.error?.code).toBe('TIMEOUT');
  });

  it('reports HTTP errors with their status, 4xx as permanent and 5xx as transient', async () => {
    const s = await site((req, res) => {
      res.writeHead(req.url === '/missing' ? 404 : 503);
      res.end();
    });
    const missing = await attempt(`${s.origin}/missing`, { allowedHosts: allow(s) });
    expect([missing.error?.code, missing.error?.permanent]).toEqual(['HTTP_404', true]);
    const down = await attempt(`${s.origin}/down`, { allowedHosts: allow(s) });
    expect([down.error?.code, down.error?.permanent]).toEqual(['HTTP_503', false]);
  });
});
