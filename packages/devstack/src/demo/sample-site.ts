import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A 96 × 64 checkered PNG: the sample pages' image, so thumbnails are made offline too. */
const IMAGE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAGAAAABACAIAAABqVuVZAAAAh0lEQVR42u3aMQ0AIAwEwOpBGmZQgBvM4KIaOlIu+fmT3vhp3DNLGXuV8np/AAIECBAgQIAAAQIECBAgQIAANQP67eBqPyBAgAABAgQIECBAgAABAgQIUDcgg5lFERAgQIAAAQIECBAgQIAAAQLkP8hgZlEEBAgQIECAAAECBAgQIECAALUFSgmUHmjlPkAyAAAAAElFTkSuQmCC',
  'base64',
);

const page = (o: {
  title: string;
  description: string;
  lang?: string;
  body: string;
  jsonLd?: object;
}) => `<!doctype html>
<html lang="${o.lang ?? 'en'}"><head><meta charset="utf-8"><title>${o.title}</title>
<meta property="og:title" content="${o.title}"><meta property="og:description" content="${o.description}">
<meta property="og:image" content="/image.png"><meta property="og:site_name" content="Link Archive demo">
${o.jsonLd ? `<script type="application/ld+json">${JSON.stringify(o.jsonLd)}</script>` : ''}
</head><body><article><h1>${o.title}</h1>${Array.from({ length: 5 }, () => `<p>${o.body}</p>`).join('')}</article></body></html>`;

const PAGES: Record<string, string> = {
  '/articles/sourdough': page({
    title: 'Sourdough for beginners',
    description: 'Flour, water, salt and a starter: a first loaf in three days.',
    body: 'A sourdough starter is flour and water fermented by wild yeast. Feed the starter daily, mix the dough, fold it, let it rise slowly and bake the loaf in a hot oven.',
  }),
  '/articles/kimchi': page({
    title: '집에서 김치 담그기',
    description: '배추, 소금, 고춧가루로 만드는 김치.',
    lang: 'ko',
    body: '배추를 소금에 절이고 씻은 다음 고춧가루, 마늘, 생강으로 만든 양념을 버무립니다. 김치는 실온에서 하루, 냉장고에서 몇 주 동안 발효됩니다.',
  }),
  '/places/harbour-cafe': page({
    title: 'Harbour Café',
    description: 'Coffee and pastries by the water.',
    body: 'The Harbour Café serves coffee, pastries and sandwiches with a view of the boats, open every day from seven.',
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'CafeOrCoffeeShop',
      name: 'Harbour Café',
      aggregateRating: { '@type': 'AggregateRating', ratingValue: 4.6, reviewCount: 2 },
      review: [
        {
          '@type': 'Review',
          author: { '@type': 'Person', name: 'Mina' },
          reviewRating: { ratingValue: 5 },
          reviewBody: 'Best croissants in town.',
        },
        {
          '@type': 'Review',
          author: { '@type': 'Person', name: 'Tom' },
          reviewRating: { ratingValue: 4 },
          reviewBody: 'Lovely view, slow service.',
        },
      ],
    },
  }),
};

/**
 * The demo's web site, on loopback: articles (English and Korean), a place with schema.org reviews, an image,
 * a robots.txt that disallows /private/, a page that never answers in time, and 404s. The crawler may reach it
 * because the demo lists it in CRAWLER_ALLOWED_HOSTS.
 */
export async function startSampleSite(port: number): Promise<{ origin: string; stop: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === '/robots.txt')
      return void res
        .writeHead(200, { 'content-type': 'text/plain' })
        .end('User-agent: *\nDisallow: /private/\n');
    if (path === '/image.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(IMAGE);
    if (path === '/slow') return; // never answers: the crawl ends with TIMEOUT
    const html = PAGES[path];
    if (!html) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
