import { randomBytes, randomInt } from 'node:crypto';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { inject } from 'vitest';
import './stack-info';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface RequestOptions {
  token?: string;
  apiKey?: string;
  /** The client's address as the gateway sees it (it trusts X-Forwarded-For from loopback). */
  ip?: string;
  headers?: Record<string, string>;
  extensions?: Record<string, unknown>;
  url?: string;
}

export const stack = () => inject('stack');

/** A random documentation-range address, so tests do not share per-IP limits. */
export const randomIp = () => `198.18.${randomInt(0, 255)}.${randomInt(1, 254)}`;

/** Sends one GraphQL request; raw access to status, data and errors. */
export async function gql<T = Record<string, unknown>>(
  query: string | undefined,
  variables: Record<string, unknown> = {},
  options: RequestOptions = {},
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-forwarded-for': options.ip ?? randomIp(),
    ...options.headers,
  };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.apiKey) headers['x-api-key'] = options.apiKey;
  const res = await fetch(options.url ?? stack().gatewayUrl, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables, extensions: options.extensions }),
  });
  const text = await res.text();
  let body: Omit<GraphQLResponse<T>, 'status' | 'headers'>;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`non-JSON response (HTTP ${res.status}): ${text.slice(0, 300)}`);
  }
  return { status: res.status, headers: res.headers, ...body };
}

/** Sends a request that must succeed; on errors, fails with the query and the whole response. */
export async function execute<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  options: RequestOptions = {},
): Promise<T> {
  const res = await gql<T>(query, variables, options);
  if (res.errors?.length || !res.data) {
    throw new Error(
      `GraphQL request failed (HTTP ${res.status})\n--- query\n${query}\n--- variables\n${JSON.stringify(variables)}\n--- response\n${JSON.stringify({ data: res.data, errors: res.errors }, null, 2)}`,
    );
  }
  return res.data;
}

/** The error code of the first error, for assertions. */
export const firstCode = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;

const profanity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

/** A fresh valid handle. Random hex can spell words the user subgraph refuses ("a55…"): those are drawn again. */
export function uniqueHandle(prefix = 'u'): string {
  for (;;) {
    const handle = `${prefix}_${randomBytes(5).toString('hex')}`;
    if (!profanity.hasMatch(handle.replace(/_/g, ' ')) && !profanity.hasMatch(handle)) return handle;
  }
}
