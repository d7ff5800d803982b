import { SignJWT, importPKCS8 } from 'jose';

type SigningKey = Awaited<ReturnType<typeof importPKCS8>>;
import type { Plan, Role } from '../user/user.entity';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const TOKEN_ISSUER = 'link-archive';
export const TOKEN_AUDIENCE = 'link-archive-api';

export interface AccessClaims {
  userId: string;
  role: Role;
  plan: Plan;
  anonymous: boolean;
  sessionId: string;
}

/** Only the user subgraph holds the private key, so only it can mint access tokens (EdDSA). */
export class TokenSigner {
  private constructor(private readonly key: SigningKey) {}

  static async fromPem(pem: string): Promise<TokenSigner> {
    return new TokenSigner(await importPKCS8(pem.replace(/\\n/g, '\n'), 'EdDSA'));
  }

  async sign(claims: AccessClaims): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + ACCESS_TOKEN_TTL_SECONDS * 1000);
    const token = await new SignJWT({
      role: claims.role,
      plan: claims.plan,
      anon: claims.anonymous,
      sid: claims.sessionId,
    })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }
}
