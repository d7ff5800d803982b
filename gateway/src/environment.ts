import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { booleanFlag, optionalString, parseEnvironment, port } from '@link-archive/core';
import { originsOf } from './browsers/cors-policy';
import { z } from 'zod';

const repoFile = (...parts: string[]) => join(__dirname, '..', '..', ...parts);

const gatewayFields = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port(4000),
  HOST: z.string().default('0.0.0.0'),
  /**
   * off: anonymous requests without our auth, rate limit, partner checks, sockets and queue board, for
   * benchmarks and local tools on any supergraph. Refused in production unless GATEWAY_AUTH_OFF_IN_PRODUCTION
   * is set to "i-understand".
   */
  GATEWAY_AUTH: z.enum(['on', 'off']).default('on'),
  GATEWAY_AUTH_OFF_IN_PRODUCTION: optionalString(),
  /**
   * on: identical read-only requests of one identity in flight share one execution and its serialized
   * response, and identical subgraph query fetches of one identity in flight share one call; off runs every
   * request and fetch on its own.
   */
  GATEWAY_DEDUP: z.enum(['on', 'off']).default('on'),
  /**
   * The most GraphQL executions at once over HTTP (0: no limit); fewer, down to 8, while the core is saturated
   * (limits/adaptive-execution-limit.ts). 64 times as many may wait, the rest get a 503.
   */
  GATEWAY_MAX_EXECUTIONS: z.coerce.number().int().min(0).max(10_000).default(128),
  GATEWAY_SECRET: optionalString(),
  JWT_PUBLIC_KEY: optionalString(),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().default('la:'),
  SUPERGRAPH_PATH: z.string().default(repoFile('schema', 'supergraph.graphql')),
  PERSISTED_QUERIES_PATH: z.string().default(repoFile('schema', 'persisted-queries.json')),
  SUBGRAPH_USER_URL: optionalString(),
  SUBGRAPH_LINK_URL: optionalString(),
  SUBGRAPH_REVIEW_URL: optionalString(),
  SUBGRAPH_FEED_URL: optionalString(),
  SUBGRAPH_MEDIA_URL: optionalString(),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  MAX_DEPTH: z.coerce.number().int().min(1).default(12),
  MAX_ALIASES: z.coerce.number().int().min(0).default(15),
  MAX_TOKENS: z.coerce.number().int().min(10).default(2_000),
  MAX_COST: z.coerce.number().int().min(1).default(5_000),
  MAX_DIRECTIVES: z.coerce.number().int().min(0).default(20),
  BODY_LIMIT: z.string().default('100kb'),
  PARTNER_KEY_CACHE_MS: z.coerce.number().int().min(0).default(60_000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  TRUST_PROXY: z.string().default('loopback'),
  /** Introspection is for ADMIN tokens; in development anyone may introspect unless this is false. */
  INTROSPECTION_IN_DEVELOPMENT: booleanFlag(true),
  LOG_LEVEL: optionalString(),

  /** Browser origins (besides the gateway's own) that may open a WebSocket; native apps send none. */
  WS_ALLOWED_ORIGINS: z.string().default(''),
  /** Browser origins (the web admin) that may call over HTTP (and open WebSockets): comma-separated, or `*`. */
  CORS_ORIGINS: z.string().default(''),
  /** Whether those origins may send credentials (cookies); `*` never may. */
  CORS_CREDENTIALS: booleanFlag(false),
  WS_MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).default(20),
  WS_MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(1).default(200),
  WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(1).default(50),
  WS_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(100 * 1024),
  /** Ping interval; a socket that missed the previous ping's pong is dropped. */
  WS_KEEPALIVE_MS: z.coerce.number().int().min(100).default(30_000),
  /** How long a socket may stay open before sending connection_init. */
  WS_INIT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
});

/** The gateway's settings: with auth on (the default), its secret and the token key are required. */
export const gatewayEnvironment = gatewayFields
  .superRefine((env, ctx) => {
    const origins = originsOf(env.CORS_ORIGINS);
    if (origins.includes('*') && env.CORS_CREDENTIALS)
      ctx.addIssue({
        code: 'custom',
        path: ['CORS_CREDENTIALS'],
        message: 'CORS_CREDENTIALS cannot be on with CORS_ORIGINS=*: name the origins',
      });
    for (const origin of origins.filter((o) => o !== '*'))
      if (!/^https?:\/\/[^/\s]+$/.test(origin))
        ctx.addIssue({
          code: 'custom',
          path: ['CORS_ORIGINS'],
          message: `"${origin}" is not an origin (scheme://host[:port], no path)`,
        });
    if (env.GATEWAY_AUTH === 'off') {
      if (env.NODE_ENV === 'production' && env.GATEWAY_AUTH_OFF_IN_PRODUCTION !== 'i-understand')
        ctx.addIssue({
          code: 'custom',
          path: ['GATEWAY_AUTH'],
          message:
            'GATEWAY_AUTH=off is refused in production (set GATEWAY_AUTH_OFF_IN_PRODUCTION=i-understand)',
        });
      return;
    }
    if (!env.GATEWAY_SECRET || env.GATEWAY_SECRET.length < 32)
      ctx.addIssue({
        code: 'custom',
        path: ['GATEWAY_SECRET'],
        message: 'GATEWAY_SECRET must be at least 32 characters',
      });
    if (!env.JWT_PUBLIC_KEY?.includes('PUBLIC KEY'))
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_PUBLIC_KEY'],
        message: 'JWT_PUBLIC_KEY must be an SPKI PEM Ed25519 key',
      });
  })
  // without auth nothing verifies the gateway's credential, but subgraphs of ours still expect one signed
  .transform((env) => ({ ...env, GATEWAY_SECRET: env.GATEWAY_SECRET ?? randomBytes(32).toString('hex') }));
export type GatewayEnvironment = z.infer<typeof gatewayEnvironment>;

export const loadEnvironment = (): GatewayEnvironment => parseEnvironment(gatewayEnvironment);
