import { buildSchema, operationFromDocument, type FieldSelection } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { computeResponse } from './result-shaping';

const stock = require('@apollo/gateway/dist/resultShaping') as { computeResponse: typeof computeResponse };

const schema = buildSchema(`
  type Query {
    me: User
    users(first: Int): [User!]!
    node(id: ID!): Node
    search: [SearchResult]
    count: Int!
  }
  interface Node { id: ID! }
  type User implements Node {
    id: ID!
    handle: String!
    name: String
    score: Float
    tags: [String!]
    role: Role
    best: Link
    links: [Link!]
  }
  type Link implements Node {
    id: ID!
    url: String!
    title: String
    owner: User!
    rating: Int
  }
  union SearchResult = User | Link
  enum Role { USER ADMIN }
`);

const operations = [
  `{ me { id handle name } count }`,
  `{ me { __typename id alias: handle best { url title owner { handle } } } }`,
  `query($skip: Boolean!, $keep: Boolean = true) {
     users(first: 3) { id handle @skip(if: $skip) name @include(if: $keep) score tags role
       links { id url ... on Link { title rating } } }
   }`,
  `{ node(id: "1") { __typename id ... on User { handle links { title } } ... on Link { url owner { id handle } } } }`,
  `{ search { __typename ... on User { id kind: __typename handle } ... on Link { id url title } } }`,
  `{ users { ...U best { ...L } } } fragment U on User { id handle score } fragment L on Link { id url rating }`,
  `{ me { id handle } me2: me { name handle best { title } } }`,
];

const user = (n: number): Record<string, unknown> => ({
  __typename: 'User',
  id: `u${n}`,
  handle: `h${n}`,
  alias: `h${n}`,
  name: n % 2 ? `Name ${n}` : null,
  score: n * 1.5,
  tags: ['a', 'b'],
  role: n % 3 ? 'USER' : 'ADMIN',
  kind: 'User',
  best: link(n, false),
  links: [link(n, false), link(n + 1, false)],
});
const link = (n: number, deep = true): Record<string, unknown> => ({
  __typename: 'Link',
  id: `l${n}`,
  url: `https://x/${n}`,
  title: `T${n}`,
  rating: n,
  owner: deep ? user(n) : { __typename: 'User', id: `u${n}`, handle: `h${n}` },
});
const valid = (): Record<string, unknown> => ({
  me: user(1),
  me2: user(2),
  users: [user(1), user(2), user(3)],
  node: user(4),
  search: [user(5), link(6), null],
  count: 3,
});

/** A seeded generator, so a failure reproduces. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/** The data with some values broken the ways subgraphs break them: nulls, gaps, wrong types, unknown typenames. */
function damaged(value: unknown, next: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => damaged(v, next));
  if (value === null || typeof value !== 'object') {
    const roll = next();
    if (roll < 0.08) return null;
    if (roll < 0.11) return { not: 'a leaf' };
    if (roll < 0.13) return 42;
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const roll = next();
    if (roll < 0.05) continue;
    if (roll < 0.1) out[key] = null;
    else if (key === '__typename' && roll < 0.14) out[key] = roll < 0.12 ? 'Link' : 'Nope';
    else out[key] = damaged(v, next);
  }
  return out;
}

const shaped = (shape: typeof computeResponse, query: string, input: unknown, variables = {}) => {
  const operation = operationFromDocument(schema, parse(query), { validate: false });
  try {
    const { data, errors } = shape({
      operation,
      variables,
      input: input as Record<string, unknown>,
      introspectionHandling: (f: FieldSelection) => `introspected ${f.element.responseName()}`,
    });
    return JSON.stringify({ data, errors: errors.map((e) => [e.message, e.path, e.extensions]) });
  } catch (err) {
    return `threw ${(err as Error).message}`;
  }
};

describe('result shaping', () => {
  it('gives what @apollo/gateway gives for whole data, byte for byte', () => {
    for (const query of operations) {
      const variables = { skip: false };
      const ours = shaped(computeResponse, query, valid(), variables);
      expect(ours).toBe(shaped(stock.computeResponse, query, valid(), variables));
      expect(ours).not.toMatch(/^threw/);
    }
  });

  it('gives what @apollo/gateway gives for damaged data: nulls bubbling, invalid leaves, wrong typenames', () => {
    let differences = 0;
    let errors = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const query = operations[seed % operations.length]!;
      const input = damaged(valid(), random(seed));
      const variables = { skip: seed % 2 === 0, keep: seed % 3 !== 0 };
      const ours = shaped(computeResponse, query, input, variables);
      const theirs = shaped(stock.computeResponse, query, input, variables);
      if (ours !== theirs) differences++;
      if (theirs.includes('"errors":[[')) errors++;
    }
    expect(differences).toBe(0);
    // the damage reached the paths that report errors, not only the happy path
    expect(errors).toBeGreaterThan(50);
  });

  it('a field aliased __proto__ is an ordinary field of the response, as in the stock code', () => {
    const query = '{ me { __proto__: handle id } }';
    const input = JSON.parse('{"me":{"__typename":"User","__proto__":"h1","id":"u1"}}') as unknown;
    const ours = shaped(computeResponse, query, input);
    expect(ours).toBe(shaped(stock.computeResponse, query, input));
    expect(ours).toBe('{"data":{"me":{"__proto__":"h1","id":"u1"}},"errors":[]}');
  });

  it('@skip/@include read their variables; a missing one fails as the stock code fails', () => {
    const query = operations[2]!;
    for (const variables of [{ skip: true }, { skip: false, keep: false }, {}]) {
      expect(shaped(computeResponse, query, valid(), variables)).toBe(
        shaped(stock.computeResponse, query, valid(), variables),
      );
    }
    expect(shaped(computeResponse, query, valid(), {})).toMatch(/^threw Unexpected value undefined/);
  });
});
