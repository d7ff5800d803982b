import { buildSchema, operationFromDocument, type FieldSelection } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { computeResponse } from './compute-response';
import { ShapedText, stringifyResult } from './shaped-text';

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
    verified: Boolean
    joined: DateTime
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
  scalar DateTime
`);

const operations = [
  `{ me { id handle name verified joined } count }`,
  `{ me { __typename id alias: handle best { url title owner { handle } } } }`,
  `query($skip: Boolean!, $keep: Boolean = true) {
     users(first: 3) { id handle @skip(if: $skip) name @include(if: $keep) score tags role verified joined
       links { id url ... on Link { title rating } } }
   }`,
  `{ node(id: "1") { __typename id ... on User { handle links { title } } ... on Link { url owner { id handle } } } }`,
  `{ search { __typename ... on User { id kind: __typename handle } ... on Link { id url title } } }`,
  `{ users { ...U best { ...L } } } fragment U on User { id handle score } fragment L on Link { id url rating }`,
  `{ me { id handle } me2: me { name handle best { title } } }`,
  // response names that repeat: leaves keep their first value, selection sets merge
  `{ me { id handle ... on User { handle name id } best { url } ...B } } fragment B on User { id best { title owner { handle } } }`,
  `{ search { ... on Node { id } ... on User { id handle name } ... on Link { url id owner { id } owner { handle } } } }`,
  `{ __schema { queryType { name } } me { __typename id } __typename }`,
];

const user = (n: number): Record<string, unknown> => ({
  __typename: 'User',
  id: `u${n}`,
  handle: `h${n}`,
  alias: `h${n}`,
  // strings JSON escapes, each alone (quotes, backslashes, control characters, lone surrogates), and one it does not
  name: [`Name "${n}"`, `back\\slash ${n}`, `line\nbreak\u0001 ${n}`, `lone \ud800 ${n}`, `Nom ${n} é 😀`][
    n % 5
  ],
  score: n * 1.5,
  tags: ['a', 'b'],
  role: n % 3 ? 'USER' : 'ADMIN',
  verified: n % 2 === 0,
  joined: n % 2 ? `2026-01-0${n}T00:00:00Z` : { at: n },
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
    if (roll < 0.15) return true;
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

type Shape = typeof computeResponse;
/** The stock shaping; ours as objects (subscription events); ours written as text (HTTP responses). */
const stockShape: Shape = stock.computeResponse;
const objectShape: Shape = computeResponse;
const textShape: Shape = (args) => {
  const result = computeResponse({ ...args, asText: true });
  expect(result.data === null || result.data instanceof ShapedText).toBe(true);
  return result;
};

const shaped = (shape: Shape, query: string, input: unknown, variables: Record<string, unknown> = {}) => {
  const operation = operationFromDocument(schema, parse(query), { validate: false });
  try {
    const { data, errors } = shape({
      operation,
      variables,
      input: input as Record<string, unknown>,
      introspectionHandling: (f: FieldSelection) => `introspected ${f.element.responseName()}`,
    });
    // the text as written, not parsed and stringified again (which would hide what JSON.parse forgives)
    const json = data instanceof ShapedText ? data.json : JSON.stringify(data);
    return `{"data":${json},"errors":${JSON.stringify(errors.map((e) => [e.message, e.path, e.extensions]))}}`;
  } catch (err) {
    return `threw ${(err as Error).message}`;
  }
};

describe.each([
  ['as objects', objectShape],
  ['written as text', textShape],
])('result shaping %s', (_name, ours) => {
  it('gives what @apollo/gateway gives for whole data, byte for byte', () => {
    for (const query of operations) {
      const variables = { skip: false };
      const mine = shaped(ours, query, valid(), variables);
      expect(mine).toBe(shaped(stockShape, query, valid(), variables));
      expect(mine).not.toMatch(/^threw/);
    }
  });

  it('gives what @apollo/gateway gives for damaged data: nulls bubbling, invalid leaves, wrong typenames', () => {
    let differences = 0;
    let errors = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const query = operations[seed % operations.length]!;
      const input = damaged(valid(), random(seed));
      const variables = { skip: seed % 2 === 0, keep: seed % 3 !== 0 };
      const mine = shaped(ours, query, input, variables);
      const theirs = shaped(stockShape, query, input, variables);
      if (mine !== theirs) differences++;
      if (theirs.includes('"errors":[[')) errors++;
    }
    expect(differences).toBe(0);
    // the damage reached the paths that report errors, not only the happy path
    expect(errors).toBeGreaterThan(80);
  });

  it('a field aliased __proto__ is an ordinary field of the response, as in the stock code', () => {
    const query = '{ me { __proto__: handle id } }';
    const input = JSON.parse('{"me":{"__typename":"User","__proto__":"h1","id":"u1"}}') as unknown;
    const mine = shaped(ours, query, input);
    expect(mine).toBe(shaped(stockShape, query, input));
    expect(mine).toBe('{"data":{"me":{"__proto__":"h1","id":"u1"}},"errors":[]}');
  });

  it('@skip/@include read their variables; a missing one fails as the stock code fails', () => {
    const query = operations[2]!;
    for (const variables of [{ skip: true }, { skip: false, keep: false }, {}]) {
      expect(shaped(ours, query, valid(), variables)).toBe(shaped(stockShape, query, valid(), variables));
    }
    expect(shaped(ours, query, valid(), {})).toMatch(/^threw Unexpected value undefined/);
  });
});

describe('stringifyResult', () => {
  it('gives JSON.stringify(result) and a newline, with data written as text spliced in', () => {
    const data = { me: { id: 'u1', handle: '"quoted" \\ \u2028' }, list: [1, null, true] };
    const errors = [{ message: 'boom', path: ['me', 'x'], extensions: { code: 'X' } }];
    const results = [
      { data },
      { errors, data },
      { errors, data, extensions: { valueCompletion: [{ message: 'bad' }] } },
      { errors: undefined, data, extensions: undefined },
      { errors, data: null },
      { errors },
    ];
    for (const result of results) {
      const text = {
        ...result,
        ...('data' in result && result.data ? { data: new ShapedText(JSON.stringify(result.data)) } : {}),
      };
      expect(stringifyResult(text)).toBe(`${JSON.stringify(result)}\n`);
      // anything else that stringifies the result reads the same JSON
      expect(JSON.stringify(text)).toBe(JSON.stringify(result));
    }
  });
});
