import { Pool } from 'undici';

/** A subgraph's HTTP answer in the shape of fetch()'s Response, as far as @apollo/gateway reads one. */
export interface SubgraphHttpResponse {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
}

/**
 * Keep-alive connections to one subgraph (undici's Pool): a fetch reuses a warm socket instead of paying for
 * fetch()'s Request/Response objects, web streams and an AbortSignal each time. The timeout bounds the wait
 * for headers and then for the body.
 */
export class SubgraphHttp {
  private readonly pool: Pool;
  private readonly path: string;

  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
    connections = 64,
  ) {
    const parsed = new URL(url);
    this.path = `${parsed.pathname}${parsed.search}`;
    this.pool = new Pool(parsed.origin, {
      connections,
      keepAliveTimeout: 30_000,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  }

  async post(body: string, headers: Record<string, string>): Promise<SubgraphHttpResponse> {
    const res = await this.pool.request({
      path: this.path,
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' },
      body,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
    const text = await res.body.text();
    const raw = res.headers;
    return {
      ok: res.statusCode >= 200 && res.statusCode < 300,
      status: res.statusCode,
      statusText: String(res.statusCode),
      url: this.url,
      text: async () => text,
      json: async () => JSON.parse(text) as unknown,
      headers: {
        get: (name) => {
          const value = raw[name.toLowerCase()];
          return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
        },
      },
    };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
