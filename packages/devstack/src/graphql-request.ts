/**
 * One GraphQL request over HTTP to a running stack (the demo seed, the benchmarks): its data, or an Error
 * carrying the first error's message and the whole answer.
 */
export async function graphqlRequest<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (!body.data) throw Object.assign(new Error(body.errors?.[0]?.message ?? `HTTP ${res.status}`), { body });
  return body.data;
}
