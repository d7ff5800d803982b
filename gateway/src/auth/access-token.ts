import { importSPKI, jwtVerify } from 'jose';
import type { Plan, Redis, Role, Viewer } from '@link-archive/core';

type VerifyKey = Awaited<ReturnType<typeof importSPKI>>;

// Must match the user subgraph's token-signer.ts; the algorithm is pinned so "none" or HS256 forgeries fail.
const ISSUER = 'link-archive';
const AUDIENCE = 'link-archive-api';
const revokedSessionKey = (sessionId: string) => `revoked-session:${sessionId}`;

export class AccessTokenVerifier {
  private constructor(
    private readonly key: VerifyKey,
    private readonly redis: Redis,
  ) {}

  static async create(publicKeyPem: string, redis: Redis): Promise<AccessTokenVerifier> {
    return new AccessTokenVerifier(await importSPKI(publicKeyPem.replace(/\\n/g, '\n'), 'EdDSA'), redis);
  }

  /** The viewer behind a bearer token, or null when it is invalid, expired, forged or revoked. */
  async verify(token: string): Promise<Viewer | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['EdDSA'],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['sub', 'exp', 'sid'],
      });
      const sessionId = String(payload.sid);
      if (await this.redis.exists(revokedSessionKey(sessionId))) return null;
      return {
        userId: String(payload.sub),
        role: payload.role === 'ADMIN' ? 'ADMIN' : 'USER',
        plan: (payload.plan as Plan) ?? 'FREE',
        anonymous: payload.anon === true,
        sessionId,
      } satisfies Viewer & { role: Role };
    } catch {
      return null;
    }
  }
}
