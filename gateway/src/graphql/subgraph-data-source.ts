import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { parseCacheControlHeader } from '@apollo/gateway/dist/datasources/parseCacheControlHeader';
import type { CacheHint } from '@apollo/cache-control-types';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { ErrorCode, INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, type Logger } from '@link-archive/core';
import type { GatewayContext } from './context';
import { pathsOfFetch } from './fetch-paths';
import { identityScope } from './identity-scope';
import { operationKind } from './operation-kind';
import { SubgraphHttp, type SubgraphHttpResponse } from './subgraph-http';

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];
type IncomingOptions = Extract<
  GraphQLDataSourceProcessOptions<GatewayContext>,
  { pathInIncomingRequest?: unknown }
>;

/** A subgraph's Cache-Control as a hint, as the stock data source reads it (no header: not cacheable). */
function cacheHint(header: string | null): CacheHint {
  const parsed = parseCacheControlHeader(header ?? undefined);
  const maxAge = parsed['max-age'];
  const hint: CacheHint = { maxAge: typeof maxAge === 'string' && /^[0-9]+$/.test(maxAge) ? +maxAge : 0 };
  if (parsed.private === true) hint.scope = 'PRIVATE' as CacheHint['scope'];
  if (parsed.public === true) hint.scope = 'PUBLIC' as CacheHint['scope'];
  return hint;
}

/**
 * Calls a subgraph with the gateway's signed credential (carrying the identity) and a timeout. A subgraph that
 * cannot be reached, times out or fails with an HTTP error answers as a GraphQL error instead of a thrown one,
 * so the query plan places it at the path of the fields that fetch was for, with SUBGRAPH_UNAVAILABLE, and
 * the rest of the response is served. With `shareFetches`, a query fetch identical to one in flight for the same
 * identity scope (same document and variables) waits for that one's answer instead of calling again; each
 * waiter parses the answer's text on its own, so no two requests ever hold the same objects. Never mutations.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    timeoutMs: number,
    private readonly logger?: Logger,
    private readonly shareFetches = false,
  ) {
    // every subgraph call goes over a keep-alive pool; the base class sees a fetch()-shaped answer
    const http = new SubgraphHttp(url, timeoutMs);
    const fetcher = (async (_input: string, init: { headers: Record<string, string>; body: string }) =>
      http.post(init.body, init.headers)) as unknown as Fetcher;
    super({ url, fetcher });
    this.http = http;
  }

  private readonly http: SubgraphHttp;
  private readonly inFlight = new Map<string, Promise<SubgraphHttpResponse>>();

  /** The fetch's answer: its own call, or the one in flight for the same scope, document and variables. */
  private send(body: string, headers: Record<string, string>, key: string | null) {
    if (key === null) return this.http.post(body, headers);
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.http.post(body, headers);
      this.inFlight.set(key, pending);
      const forget = () => this.inFlight.delete(key);
      pending.then(forget, forget);
    }
    return pending;
  }

  /** Closes the pool's connections. */
  close(): Promise<void> {
    return this.http.close();
  }

  /** Under what key the fetch may share an identical one in flight, or null when it must run on its own. */
  private sharingKey(context: GatewayContext | object, query: string, body: string): string | null {
    if (!this.shareFetches || !('identity' in context)) return null;
    if (operationKind(query, undefined) !== 'query') return null;
    return `${identityScope(context.identity)}\n${body}`;
  }

  /** The gateway's signed credential and the request id, when the context carries an identity. */
  private async credentials(context: GatewayContext | object): Promise<[string, string][]> {
    if (!('internalToken' in context) || !context.internalToken) return [];
    return [
      [INTERNAL_TOKEN_HEADER, await context.internalToken()],
      [REQUEST_ID_HEADER, context.identity.requestId],
    ];
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    for (const [name, value] of await this.credentials(context)) request.http?.headers.set(name, value);
  }

  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    // health checks and schema loading keep the base class's path and its errors (the enum is not exported)
    if (String(options.kind) !== 'incoming operation') return super.process(options);
    try {
      return await this.fetch(options as IncomingOptions);
    } catch (err) {
      this.logger?.warn({ err, subgraph: this.serviceName }, 'subgraph unavailable');
      const message = `The ${this.serviceName} service is unavailable; this field could not be fetched`;
      return {
        errors: pathsOfFetch(options.request.query ?? '', options.request.variables).map((path) => ({
          message,
          path,
          extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE },
        })),
      };
    }
  }

  /**
   * A query plan's fetch, as the base class makes it (the same body, headers, errors and cache hint) without
   * fetch()'s Request and Headers objects for every call.
   */
  private async fetch({ request, context, incomingRequestContext }: IncomingOptions) {
    if (!request.query) throw new Error('Missing query');
    const headers: Record<string, string> = {};
    for (const [name, value] of request.http?.headers ?? []) headers[name] = value;
    for (const [name, value] of await this.credentials(context)) headers[name] = value;
    const { query, variables, operationName, extensions } = request;
    const body = JSON.stringify({ query, variables, operationName, extensions });
    const response = await this.send(body, headers, this.sharingKey(context, query, body));
    if (!response.ok) throw await this.errorFromResponse(response as never);
    const answer: unknown = await this.parseBody(response as never);
    if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
      throw new Error(`Expected JSON response body, but received: ${String(answer)}`);
    }
    const policy = incomingRequestContext.overallCachePolicy;
    if (policy && 'restrict' in policy) policy.restrict(cacheHint(response.headers.get('cache-control')));
    return answer as GatewayGraphQLResponse;
  }
}
