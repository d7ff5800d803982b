import { describe, expect, it } from 'vitest';
import { extractPage } from './extract-page';

const paragraph = (s: string) => `<p>${s.repeat(6)}</p>`;

const article = `<!doctype html><html lang="en"><head>
  <title>Fallback title</title>
  <meta property="og:title" content="How tteokbokki conquered Seoul">
  <meta property="og:description" content="A short history of a street food.">
  <meta property="og:image" content="/img/cover.jpg">
  <meta property="og:site_name" content="Food Weekly">
  <meta name="author" content="Minji Park">
  <meta property="article:published_time" content="2026-10-01T09:00:00Z">
  <link rel="canonical" href="https://food-weekly.com/articles/tteokbokki">
  <link rel="icon" href="/static/favicon.png">
  <script type="application/ld+json">{"@type":"Restaurant","name":"Stall 7","aggregateRating":{"ratingValue":"4.2","reviewCount":"31"}}</script>
  <script type="application/ld+json">{ broken json </script>
</head><body><nav>menu</nav><article><h1>How tteokbokki conquered Seoul</h1>
${paragraph('Rice cakes simmer in a sweet and spicy sauce made from gochujang, and every market has its own stall. ')}
${paragraph('Vendors in Sindang-dong made the dish famous in the fifties, and the recipe keeps changing with each generation. ')}
</article><footer>footer links</footer></body></html>`;

describe('extractPage', () => {
  it('reads the card, the readable text, the language and the schema.org rating', async () => {
    const page = await extractPage(article, 'https://food-weekly.com/a?utm_source=x');
    expect(page).toMatchObject({
      title: 'How tteokbokki conquered Seoul',
      description: 'A short history of a street food.',
      canonicalUrl: 'https://food-weekly.com/articles/tteokbokki',
      siteName: 'Food Weekly',
      faviconUrl: 'https://food-weekly.com/static/favicon.png',
      imageUrl: 'https://food-weekly.com/img/cover.jpg',
      author: 'Minji Park',
      language: 'en',
    });
    expect(page.publishedAt?.toISOString()).toBe('2026-10-01T09:00:00.000Z');
    expect(page.excerpt).toMatch(/^Rice cakes simmer in a sweet and spicy sauce/);
    expect(page.excerpt!.length).toBeLessThanOrEqual(500);
    expect(page.text).not.toContain('footer links');
    expect(page.structured.aggregateRating).toEqual({ ratingValue: 4.2, ratingCount: null, reviewCount: 31 });
  });

  it('detects the language of the text over a wrong lang attribute', async () => {
    const korean = `<html lang="en"><head><title>떡볶이</title></head><body><article>${paragraph(
      '서울의 시장마다 떡볶이 가게가 있고, 고추장으로 만든 달콤하고 매운 소스에 떡을 끓입니다. ',
    )}</article></body></html>`;
    expect((await extractPage(korean, 'https://food-weekly.com/ko')).language).toBe('ko');
  });

  it('survives broken HTML and a page with nothing but a title', async () => {
    const broken =
      '<html><head><title>Still here</title><meta property="og:image" content="/i.png"><body><div><p>unclosed <b>tags <i>everywhere';
    const page = await extractPage(broken, 'http://127.0.0.1:8080/broken');
    expect(page.title).toBe('Still here');
    expect(page.imageUrl).toBe('http://127.0.0.1:8080/i.png');
    expect(page.faviconUrl).toBe('http://127.0.0.1:8080/favicon.ico');
    expect(page.structured).toEqual({ types: [], aggregateRating: null, reviews: [] });
    const empty = await extractPage('', 'https://example.org/');
    expect([empty.title, empty.excerpt, empty.text]).toEqual([null, null, '']);
  });
});
