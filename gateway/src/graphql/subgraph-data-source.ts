import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { ErrorCode, INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, type Logger } from '@link-archive/core';
import type { GatewayContext } from './context';
import { pathsOfFetch } from './fetch-paths';
import { SubgraphHttp } from './subgraph-http';

type Fetcher = NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];

/**
 * Calls a subgraph with the gateway's signed credential (carrying the identity) and a timeout. A subgraph that
 * cannot be reached, times out or fails with an HTTP error answers as a GraphQL error instead of a thrown one,
 * so the query plan places it at the path of the fields that fetch was for, with SUBGRAPH_UNAVAILABLE, and
 * the rest of the response is served.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    timeoutMs: number,
    private readonly logger?: Logger,
  ) {
    // every subgraph call goes over a keep-alive pool; the base class sees a fetch()-shaped answer
    const http = new SubgraphHttp(url, timeoutMs);
    const fetcher = (async (_input: string, init: { headers: Record<string, string>; body: string }) =>
      http.post(init.body, init.headers)) as unknown as Fetcher;
    super({ url, fetcher });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (!('internalToken' in context) || !context.internalToken) return;
    request.http?.headers.set(INTERNAL_TOKEN_HEADER, await context.internalToken());
    request.http?.headers.set(REQUEST_ID_HEADER, context.identity.requestId);
  }

  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<GatewayGraphQLResponse> {
    try {
      return await super.process(options);
    } catch (err) {
      // health checks and schema loading keep their own error handling (the enum is not exported)
      if (String(options.kind) !== 'incoming operation') throw err;
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
}
