import { importSPKI, jwtVerify } from 'jose';
import { revokedSessionKey, type Plan, type Redis, type Role, type Viewer } from '@link-archive/core';
import { verifiedTokens } from './verified-tokens';

type VerifyKey = Awaited<ReturnType<typeof importSPKI>>;

// Must match the user subgraph's token-signer.ts; the algorithm is pinned so "none" or HS256 forgeries fail.
const ISSUER = 'link-archive';
const AUDIENCE = 'link-archive-api';

/** A verified access token: who it speaks for and until when (a WebSocket closes then). */
export interface VerifiedToken {
  viewer: Viewer;
  expiresAt: number;
}

export class AccessTokenVerifier {
  private readonly verified = verifiedTokens();

  private constructor(
    private readonly key: VerifyKey,
    private readonly redis: Redis,
  ) {}

  static async create(publicKeyPem: string, redis: Redis): Promise<AccessTokenVerifier> {
    return new AccessTokenVerifier(await importSPKI(publicKeyPem.replace(/\\n/g, '\n'), 'EdDSA'), redis);
  }

  /** The viewer behind a bearer token, or null when it is invalid, expired, forged or revoked. */
  async verify(token: string): Promise<Viewer | null> {
    return (await this.verifyToken(token))?.viewer ?? null;
  }

  async verifyToken(token: string): Promise<VerifiedToken | null> {
    const known = this.verified.get(token);
    if (known) return (await this.isRevoked(known.viewer.sessionId)) ? null : known;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['EdDSA'],
        issuer: ISSUER,
        audience: AUDIENCE,
        requiredClaims: ['sub', 'exp', 'sid'],
      });
      const viewer = {
        userId: String(payload.sub),
        role: payload.role === 'ADMIN' ? 'ADMIN' : 'USER',
        plan: (payload.plan as Plan) ?? 'FREE',
        anonymous: payload.anon === true,
        sessionId: String(payload.sid),
      } satisfies Viewer & { role: Role };
      const result = { viewer, expiresAt: payload.exp! * 1000 };
      this.verified.set(token, result, { ttl: Math.min(result.expiresAt - Date.now(), 5 * 60_000) });
      return (await this.isRevoked(viewer.sessionId)) ? null : result;
    } catch {
      return null;
    }
  }

  /**
   * Fails open when Redis does not answer: the list only shortens a revoked session's last minutes (access
   * tokens live 15), and refusing every signed-in request during a Redis outage would be worse.
   */
  async isRevoked(sessionId: string): Promise<boolean> {
    try {
      return (await this.redis.exists(revokedSessionKey(sessionId))) > 0;
    } catch {
      return false;
    }
  }
}
