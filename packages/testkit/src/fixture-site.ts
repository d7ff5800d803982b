import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface FixtureSite {
  origin: string;
  url: (path: string) => string;
  /** Requests seen, by path, for asserting what the crawler fetched. */
  hits: Map<string, number>;
  close: () => Promise<void>;
}

const ROBOTS = 'User-agent: *\nDisallow: /private/\n';

/**
 * A local web site the crawler may reach (its port is the stack's CRAWLER_ALLOWED_HOSTS entry): fixed
 * routes, a robots.txt that disallows /private/, and 404 for everything else.
 */
export async function startSite(
  routes: Record<string, Route>,
  options: { port?: number; host?: string } = {},
): Promise<FixtureSite> {
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path] ?? (path === '/robots.txt' ? text(ROBOTS, 'text/plain') : undefined);
    if (route) return route(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const text =
  (body: string | Buffer, contentType: string, headers: Record<string, string> = {}): Route =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': contentType, ...headers }).end(body);
  };

export const html = (body: string | Buffer, contentType = 'text/html; charset=utf-8') =>
  text(body, contentType);

export const redirect =
  (location: string, status = 302): Route =>
  (_req, res) => {
    res.writeHead(status, { location }).end();
  };

/** A readable article page with Open Graph metadata, an image and schema.org data. */
export function articleHtml(o: { title: string; description: string; image: string; body: string }): string {
  const paragraphs = Array.from({ length: 6 }, () => `<p>${o.body}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${o.title}</title>
<meta property="og:title" content="${o.title}">
<meta property="og:description" content="${o.description}">
<meta property="og:image" content="${o.image}">
<meta property="og:site_name" content="Fixture Times">
<link rel="icon" href="/favicon.png">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${o.title}","author":{"@type":"Person","name":"Ada Writer"},"datePublished":"2026-05-01T10:00:00Z"}</script>
</head><body><header>Fixture Times</header><article><h1>${o.title}</h1>
${paragraphs}
</article><footer>© Fixture Times</footer></body></html>`;
}
