import type { QueryPlanSelectionNode } from '@apollo/query-planner';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Representations } from './representations';
import { SentRepresentations } from './sent-representations';

const schema = buildSchema(`
  type Query { product: Product }
  type Product { upc: String! price: Int dimensions: Dimensions tags: [String] }
  type Dimensions { size: String weight: Float }
`);

// ... on Product { __typename upc price dimensions { size weight } tags }
const requires: QueryPlanSelectionNode[] = [
  {
    kind: 'InlineFragment',
    typeCondition: 'Product',
    selections: [
      { kind: 'Field', name: '__typename' },
      { kind: 'Field', name: 'upc' },
      { kind: 'Field', name: 'price' },
      {
        kind: 'Field',
        name: 'dimensions',
        selections: [
          { kind: 'Field', name: 'size' },
          { kind: 'Field', name: 'weight' },
        ],
      },
      { kind: 'Field', name: 'tags' },
    ],
  },
];

const product = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'Product',
  upc: '1',
  price: 899,
  dimensions: { size: 'small', weight: 1.5 },
  tags: ['a', 'b'],
  name: 'not required',
  ...overrides,
});

function keyed(entity: unknown) {
  const representations = new Representations(schema);
  const representation = representations.of(entity, requires);
  return { representation, key: representations.key };
}

describe('representations and their keys', () => {
  it("are what the fetch's requires select, in its order", () => {
    expect(JSON.stringify(keyed(product()).representation)).toBe(
      '{"__typename":"Product","upc":"1","price":899,"dimensions":{"size":"small","weight":1.5},"tags":["a","b"]}',
    );
    // a field missing, or another type: nothing of the fragment, so no __typename and nothing sent
    expect(keyed(product({ price: undefined })).representation).toEqual({});
    expect(keyed({ ...product(), __typename: 'Other' }).representation).toEqual({});
    expect(keyed(null).representation).toBeNull();
  });

  it('share a key only when the representations are the same (the same ones may still differ in key)', () => {
    const variants = [
      product(),
      product({ name: 'another name' }), // not required: same representation
      product({ upc: 1 }),
      product({ upc: '1', price: 8 }),
      product({ upc: '18', price: 99 }),
      product({ dimensions: { size: 'small' } }), // nested field missing: null there
      product({ dimensions: null }),
      product({ dimensions: { size: 'small', weight: '1.5' } }),
      product({ tags: ['a,b'] }),
      product({ tags: ['a', 'b', ''] }),
      product({ tags: [] }),
      product({ tags: null }),
      product({ upc: 's1:x', price: 1 }),
      product({ price: { n: 1 } }),
      product({ price: true }),
    ];
    const byKey = new Map<string, string>();
    for (const entity of variants) {
      const { representation, key } = keyed(entity);
      const json = JSON.stringify(representation);
      expect(byKey.get(key) ?? json, key).toBe(json);
      byKey.set(key, json);
    }
    // one entity's fields that are not required do not split its key
    expect(keyed(product({ name: 'another name' })).key).toBe(keyed(product()).key);
    expect(byKey.size).toBeGreaterThanOrEqual(
      new Set(variants.map((v) => JSON.stringify(keyed(v).representation))).size,
    );
  });

  it('are sent once each, and errors at a sent one are reported for every entity that shares it', () => {
    const sent = new SentRepresentations();
    const entities = [product(), product({ upc: '2' }), product(), product({ name: 'x' })];
    entities.forEach((entity, i) => {
      const { representation, key } = keyed(entity);
      sent.add(representation!, key, i);
    });
    expect(sent.unique.map((r) => r.upc)).toEqual(['1', '2']);
    expect(sent.count).toBe(4);
    expect(sent.sentAs).toEqual([0, 1, 0, 0]);
    const errors = sent.errorsPerEntity([
      { message: 'no price', path: ['_entities', 0, 'price'] },
      { message: 'gone', path: ['_entities', 1] },
      { message: 'everything is slow' },
    ]);
    expect(errors.map((e) => [e.message, e.path])).toEqual([
      ['everything is slow', undefined],
      ['no price', ['_entities', 0, 'price']],
      ['gone', ['_entities', 1]],
      ['no price', ['_entities', 2, 'price']],
      ['no price', ['_entities', 3, 'price']],
    ]);
  });
});
