import { describe, expect, it } from 'vitest';
import { extractPage } from './extract-page';

const page = (reviews: string) => `<!doctype html><html lang="en"><head><title>Blue Kettle</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Blue Kettle",
"review":[{"@type":"Review","author":"Ana","reviewBody":"Boils fast.","reviewRating":{"@type":"Rating","ratingValue":5}}]}</script>
</head><body><div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Blue Kettle</h1>${reviews}</div></body></html>`;

describe('microdata reviews', () => {
  it('reads Review items with their author, rating on any scale, date and text, beside the JSON-LD ones', async () => {
    const html = page(`
      <div itemprop="review" itemscope itemtype="https://schema.org/Review">
        <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Bo Kim</span></span>
        <meta itemprop="datePublished" content="2026-09-14">
        <div itemprop="reviewRating" itemscope itemtype="https://schema.org/Rating">
          <meta itemprop="worstRating" content="0"><span itemprop="ratingValue">8</span>/<span itemprop="bestRating">10</span>
        </div>
        <p itemprop="reviewBody">Pours well,
          the lid is a bit stiff.</p>
      </div>
      <div itemprop="review" itemscope itemtype="http://schema.org/Review">
        <span itemprop="author">Cy</span><span itemprop="ratingValue" content="2">two stars</span>
        <span itemprop="description">Rusted after a month.</span>
      </div>
      <div itemscope itemtype="https://schema.org/Review"><span itemprop="author">No text</span></div>
      <div itemscope itemtype="https://schema.org/Review"><p itemprop="reviewBody">Boils fast.</p></div>`);
    const { structured } = await extractPage(html, 'https://shop.example/kettle');
    expect(structured.reviews).toEqual([
      { author: 'Ana', rating: 5, body: 'Boils fast.', datePublished: null },
      {
        author: 'Bo Kim',
        rating: 4,
        body: 'Pours well, the lid is a bit stiff.',
        datePublished: '2026-09-14',
      },
      { author: 'Cy', rating: 2, body: 'Rusted after a month.', datePublished: null },
    ]);
  });

  it('keeps a review without a usable rating (the import leaves it out) and ignores other items', async () => {
    const html = page(`
      <div itemscope itemtype="https://schema.org/Review"><p itemprop="reviewBody">Nice colour.</p>
        <span itemprop="ratingValue">11</span></div>
      <div itemscope itemtype="https://schema.org/Offer"><span itemprop="description">Free shipping</span></div>`);
    const { structured } = await extractPage(html, 'https://shop.example/kettle');
    expect(structured.reviews.map((r) => [r.body, r.rating])).toEqual([
      ['Boils fast.', 5],
      ['Nice colour.', null],
    ]);
  });
});
