import { parse as parseUrl } from 'node:url';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { ForwardedIdentity } from '@link-archive/core';
import type { Request, Response } from 'express';
import { Counter } from 'prom-client';
import { ExecutionQueueFull, type ExecutionSlots } from '../limits/execution-slots';
import type { GatewayContext } from './context';
import { retryLater } from './http-errors';
import { identityScope } from './identity-scope';
import { operationKind } from './operation-kind';

const sharedCounter = new Counter({
  name: 'gateway_shared_executions_total',
  help: 'Requests answered by an identical request already in flight (same identity, operation and variables)',
});

/** A finished response every identical request may be sent: its status, headers and serialized body. */
interface SharedResponse {
  status: number;
  headers: [string, string][];
  // bytes when identical requests may share it (encoded once for all of them); otherwise the string, which the
  // socket encodes on write without a Buffer in between for the GC to track
  body: Buffer | string;
}

type Outcome = { shared: SharedResponse } | { streamed: true } | { abandoned: true };

/**
 * The key under which identical requests in flight share one execution, or null for requests that must run on
 * their own: mutations and subscriptions, anything that does not parse to one query, incremental delivery
 * (@defer/@stream), and requests without their text (a bare persisted-query hash).
 */
function sharingKey(req: Request, identity: ForwardedIdentity): string | null {
  const body = req.method === 'GET' ? req.query : req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { query, operationName, variables, extensions } = body as Record<string, unknown>;
  if (typeof query !== 'string' || /@(defer|stream)\b/.test(query)) return null;
  if (operationName !== undefined && typeof operationName !== 'string') return null;
  if (operationKind(query, operationName) !== 'query') return null;
  return JSON.stringify([identityScope(identity), req.method, query, operationName, variables, extensions]);
}

function send(res: Response, response: SharedResponse): void {
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status;
  res.setHeader(
    'content-length',
    typeof response.body === 'string' ? Buffer.byteLength(response.body) : response.body.length,
  );
  res.end(response.body);
}

/**
 * Apollo Server behind Express (what @as-integrations/express5 does), plus sharing: identical read-only
 * requests of one identity that arrive while one of them runs wait for it and are sent its very bytes —
 * one execution, one serialization. Never across identities, never for mutations; `dedup: false` runs each.
 * Executions take a slot (`slots`): past its queue a request is refused with a 503, and one whose client left
 * while it waited is dropped unexecuted.
 */
export function graphqlHandler(
  server: ApolloServer<GatewayContext>,
  options: {
    context: (identity: ForwardedIdentity) => Promise<GatewayContext>;
    dedup: boolean;
    slots: ExecutionSlots;
  },
) {
  server.assertStarted('graphqlHandler()');
  const inFlight = new Map<string, Promise<Outcome>>();

  const execute = async (req: Request, res: Response): Promise<Outcome> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await options.slots.run(async () =>
      // a client that left while its request waited for a slot is not worked for
      req.socket.destroyed
        ? null
        : server.executeHTTPGraphQLRequest({
            httpGraphQLRequest: {
              method: req.method.toUpperCase(),
              headers,
              search: parseUrl(req.url).search ?? '',
              body: req.body,
            },
            context: () => options.context(res.locals.identity as ForwardedIdentity),
          }),
    );
    if (!response) return { abandoned: true };
    if (response.body.kind === 'complete') {
      return {
        shared: {
          status: response.status ?? 200,
          headers: [...response.headers],
          body: options.dedup ? Buffer.from(response.body.string) : response.body.string,
        },
      };
    }
    // incremental delivery goes to this request alone, as it arrives
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    for await (const chunk of response.body.asyncIterator) {
      res.write(chunk);
      (res as Response & { flush?: () => void }).flush?.();
    }
    res.end();
    return { streamed: true };
  };

  return async (req: Request, res: Response): Promise<void> => {
    const key = options.dedup ? sharingKey(req, res.locals.identity as ForwardedIdentity) : null;
    const running = key ? inFlight.get(key) : undefined;
    if (running) {
      // a shared run that failed or streamed leaves this request to run on its own
      const outcome = await running.catch(() => null);
      if (outcome && 'shared' in outcome) {
        sharedCounter.inc();
        return send(res, outcome.shared);
      }
    }
    const outcome = execute(req, res);
    if (key && !running) {
      inFlight.set(key, outcome);
      void outcome.catch(() => undefined).finally(() => inFlight.delete(key));
    }
    try {
      const done = await outcome;
      if ('shared' in done) send(res, done.shared);
    } catch (err) {
      if (!(err instanceof ExecutionQueueFull)) throw err;
      retryLater(res, 503, 1, err.message);
    }
  };
}
