import { describe, expect, it } from 'vitest';
import { structuredData } from './json-ld';

describe('structuredData', () => {
  it('reads a place rated through @graph and @id references', () => {
    const graph = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', '@id': 'https://e.test/#page', name: 'Page' },
        {
          '@type': ['Restaurant', 'LocalBusiness'],
          '@id': 'https://e.test/#place',
          name: 'Tteokbokki House',
          aggregateRating: { '@id': 'https://e.test/#rating' },
          review: [{ '@id': 'https://e.test/#r1' }],
        },
        {
          '@type': 'AggregateRating',
          '@id': 'https://e.test/#rating',
          ratingValue: '4.5',
          reviewCount: '120',
        },
        {
          '@type': 'Review',
          '@id': 'https://e.test/#r1',
          author: { '@type': 'Person', name: 'Minji' },
          reviewRating: { '@type': 'Rating', ratingValue: 9, bestRating: 10, worstRating: 0 },
          reviewBody: 'Spicy and great.',
          datePublished: '2026-10-01',
        },
        {
          '@type': 'Review',
          itemReviewed: { '@id': 'https://e.test/#place' },
          author: 'Joon',
          reviewRating: { ratingValue: '2' },
          reviewBody: 'Too sweet.',
        },
      ],
    });
    expect(structuredData([graph])).toEqual({
      types: ['Restaurant', 'LocalBusiness'],
      aggregateRating: { ratingValue: 4.5, ratingCount: null, reviewCount: 120 },
      reviews: [
        { author: 'Minji', rating: 5, body: 'Spicy and great.', datePublished: '2026-10-01' },
        { author: 'Joon', rating: 2, body: 'Too sweet.', datePublished: null },
      ],
    });
  });

  it('skips a broken block and still reads the others', () => {
    const broken = '{"@type": "Product", "name": "Broken", ';
    const product = JSON.stringify({
      '@type': 'Product',
      name: 'Kettle',
      aggregateRating: { ratingValue: 3.9, ratingCount: 10 },
    });
    expect(structuredData([broken, `<!-- ${product} -->`]).aggregateRating).toEqual({
      ratingValue: 3.9,
      ratingCount: 10,
      reviewCount: null,
    });
  });

  it('ignores ratings outside their scale and pages without rated things', () => {
    const product = JSON.stringify({ '@type': 'Product', aggregateRating: { ratingValue: 7 } });
    expect(structuredData([product]).aggregateRating).toBeNull();
    expect(structuredData([JSON.stringify({ '@type': 'NewsArticle', headline: 'x' })])).toEqual({
      types: ['NewsArticle'],
      aggregateRating: null,
      reviews: [],
    });
    expect(structuredData(['not json at all'])).toEqual({ types: [], aggregateRating: null, reviews: [] });
  });
});
