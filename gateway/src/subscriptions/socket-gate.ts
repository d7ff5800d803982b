import { randomUUID } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import type { ForwardedIdentity, Redis, Viewer } from '@link-archive/core';
import {
  GraphQLError,
  type DocumentNode,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type OperationTypeNode,
} from 'graphql';
import type { AccessTokenVerifier } from '../auth/access-token';
import { bearerToken } from '../auth/bearer-token';
import type { GatewayEnvironment } from '../environment';
import { createContext, type GatewayContext } from '../graphql/context';
import type { OperationAdmission } from '../graphql/operation-admission';
import { overRateLimit } from '../limits/rate-limit';
import { FORBIDDEN_CLOSE, type ClosableSocket, type SocketSessions } from './socket-sessions';
import type { FrameWriter, Payload, SubscriptionHub } from './subscription-hub';

/** graphql-ws' close code for a connection_init without credentials (the client does not retry it). */
export const UNAUTHORIZED_CLOSE = 4401;
export const TOO_MANY_CONNECTIONS_CLOSE = 4429;

/** One authenticated socket, whichever protocol it speaks. */
export interface SocketSession {
  viewer: Viewer;
  clientIp: string;
  socket: ClosableSocket;
  operations: number;
  expiry: NodeJS.Timeout;
}

export type Refusal = { code: number; reason: string };

/** An operation admitted on a socket: the client's request, its parsed document and who sent it. */
export interface AdmittedRun {
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  extensions: Record<string, unknown> | undefined;
  document: DocumentNode;
  kind: OperationTypeNode;
  identity: ForwardedIdentity;
  /** Where a subscription's payloads go when its transport writes them itself (else: the iterator). */
  write?: FrameWriter;
}

export interface SocketGateDeps {
  env: GatewayEnvironment;
  tokens: AccessTokenVerifier;
  redis: Redis;
  apollo: ApolloServer<GatewayContext>;
  admission: OperationAdmission;
  hub: SubscriptionHub;
  sessions: SocketSessions;
  mask: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

/**
 * What every WebSocket protocol the gateway speaks shares: authentication in the connection's init payload
 * (closing with 4403 when the token expires or its session is revoked), the per-account connection cap, and
 * per operation the HTTP path's rate limit and admission checks, then execution (queries and mutations through
 * Apollo Server exactly as over HTTP; subscriptions on the federated hub).
 */
export class SocketGate {
  private readonly perUser = new Map<string, number>();

  constructor(private readonly deps: SocketGateDeps) {}

  /**
   * `cookieToken`: the access-token cookie of the upgrade request, for a browser tab that signed in with it
   * (the Origin check at the upgrade keeps other sites' pages out).
   */
  async open(
    params: Record<string, unknown> | null | undefined,
    socket: ClosableSocket,
    clientIp: string,
    cookieToken: string | null = null,
  ): Promise<SocketSession | Refusal> {
    const raw =
      params?.authorization ?? params?.Authorization ?? (cookieToken ? `Bearer ${cookieToken}` : undefined);
    if (raw === undefined) {
      return {
        code: UNAUTHORIZED_CLOSE,
        reason: 'Unauthorized: connection_init needs { "authorization": "Bearer <token>" }',
      };
    }
    const verified =
      typeof raw === 'string' ? await this.deps.tokens.verifyToken(bearerToken(raw) ?? '') : null;
    if (!verified)
      return { code: FORBIDDEN_CLOSE, reason: 'Forbidden: invalid, expired or revoked access token' };
    const { viewer, expiresAt } = verified;
    const open = this.perUser.get(viewer.userId) ?? 0;
    if (open >= this.deps.env.WS_MAX_CONNECTIONS_PER_USER) {
      return { code: TOO_MANY_CONNECTIONS_CLOSE, reason: 'Too many connections for this account' };
    }
    this.perUser.set(viewer.userId, open + 1);
    this.deps.sessions.add(viewer.sessionId, socket);
    const expiry = setTimeout(
      () => socket.close(FORBIDDEN_CLOSE, 'Forbidden: access token expired'),
      Math.max(0, expiresAt - Date.now()),
    );
    return { viewer, clientIp, socket, operations: 0, expiry };
  }

  close(session: SocketSession): void {
    clearTimeout(session.expiry);
    const open = (this.perUser.get(session.viewer.userId) ?? 1) - 1;
    if (open > 0) this.perUser.set(session.viewer.userId, open);
    else this.perUser.delete(session.viewer.userId);
    this.deps.sessions.remove(session.viewer.sessionId, session.socket);
  }

  /** Rate limit, operation cap and the HTTP path's checks; errors are the client's to read. */
  async admit(
    session: SocketSession,
    payload: {
      query: string;
      operationName?: string | null;
      variables?: Record<string, unknown> | null;
      extensions?: Record<string, unknown> | null;
    },
  ): Promise<AdmittedRun | GraphQLError[]> {
    const { env } = this.deps;
    const identity: ForwardedIdentity = {
      viewer: session.viewer,
      partnerKeyId: null,
      clientIp: session.clientIp,
      requestId: randomUUID(),
    };
    const retryAfter = await overRateLimit(this.deps.redis, identity, env.RATE_LIMIT_PER_MINUTE);
    if (retryAfter !== null) {
      return [new GraphQLError('Too many requests', { extensions: { code: 'RATE_LIMITED', retryAfter } })];
    }
    if (session.operations >= env.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION) {
      return [
        new GraphQLError(
          `At most ${env.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION} operations at once per connection`,
          {
            extensions: { code: 'RATE_LIMITED', retryAfter: 1 },
          },
        ),
      ];
    }
    if (typeof payload.query !== 'string') {
      return [new GraphQLError('query must be a string', { extensions: { code: 'BAD_REQUEST' } })];
    }
    const admitted = this.deps.admission.admit(payload.query, payload.operationName, session.viewer);
    if (Array.isArray(admitted)) return admitted;
    session.operations++;
    return {
      query: payload.query,
      operationName: payload.operationName ?? undefined,
      variables: payload.variables ?? {},
      extensions: payload.extensions ?? undefined,
      document: admitted.document,
      kind: admitted.kind,
      identity,
    };
  }

  /** The operation ended (completed, stopped or its socket closed). */
  finished(session: SocketSession): void {
    session.operations = Math.max(0, session.operations - 1);
  }

  async execute(run: AdmittedRun): Promise<FormattedExecutionResult> {
    const response = await this.deps.apollo.executeOperation(
      {
        query: run.query,
        operationName: run.operationName,
        variables: run.variables,
        extensions: run.extensions,
      },
      { contextValue: createContext(run.identity, this.deps.env.GATEWAY_SECRET) },
    );
    if (response.body.kind !== 'single') {
      return { errors: [{ message: 'Incremental delivery is not served over WebSockets' }] };
    }
    return response.body.singleResult;
  }

  subscribe(run: AdmittedRun): AsyncIterableIterator<Payload> {
    return this.deps.hub.subscribe(
      {
        document: run.document,
        query: run.query,
        operationName: run.operationName,
        variables: run.variables,
        identity: run.identity,
      },
      run.write,
    );
  }

  format(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
    return errors.map((e) => this.deps.mask(e.toJSON(), e));
  }
}
