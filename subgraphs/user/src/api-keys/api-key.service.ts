import { createHash, randomBytes } from 'node:crypto';
import { badInput, isUuid, notFound, optionalText, type Viewer } from '@link-archive/core';
import { IsNull, type Repository } from 'typeorm';
import { ApiKey, type ApiKeyCreated, type VerifiedKey } from './api-key.entity';

const MAX_NAME = 100;
const MAX_OPERATIONS = 100;
const MAX_RATE_PER_MINUTE = 1_000_000;
const MAX_LISTED = 500;

export interface KeyScope {
  partner?: string | null;
  operations?: string[] | null;
  ratePerMinute?: number | null;
}
const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export class ApiKeyService {
  constructor(private readonly keys: Repository<ApiKey>) {}

  async create(admin: Viewer, rawName: string, scope: KeyScope = {}): Promise<ApiKeyCreated> {
    const name = optionalText('name', rawName, MAX_NAME);
    if (!name) throw badInput('name', 'name is required');
    const partner = optionalText('partner', scope.partner ?? null, MAX_NAME) || null;
    let operations: string[] | null = null;
    if (scope.operations) {
      operations = [...new Set(scope.operations.map((o) => o.trim().replace(/^sha256:/, '')))];
      if (!operations.length || operations.length > MAX_OPERATIONS)
        throw badInput('operations', `name 1 to ${MAX_OPERATIONS} operations, or none for all`);
      if (operations.some((o) => !/^[A-Za-z_][A-Za-z0-9_]{0,99}$|^[0-9a-f]{64}$/.test(o)))
        throw badInput('operations', 'operations are persisted operation names or sha256 ids');
    }
    const rate = scope.ratePerMinute ?? null;
    if (rate !== null && (!Number.isInteger(rate) || rate < 1 || rate > MAX_RATE_PER_MINUTE))
      throw badInput('ratePerMinute', `ratePerMinute must be between 1 and ${MAX_RATE_PER_MINUTE}`);
    // 32 random bytes: high entropy, so a fast hash is enough to store it safely
    const secret = `lak_${randomBytes(32).toString('base64url')}`;
    const apiKey = await this.keys.save(
      this.keys.create({
        name,
        prefix: secret.slice(0, 12),
        secretHash: hashSecret(secret),
        createdBy: admin.userId,
        partner,
        operations,
        ratePerMinute: rate,
      }),
    );
    return { apiKey, secret };
  }

  /** Keys newest first, with their last use (revoked ones only when asked for). */
  list(includeRevoked: boolean): Promise<ApiKey[]> {
    return this.keys.find({
      where: includeRevoked ? {} : { revokedAt: IsNull() },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: MAX_LISTED,
    });
  }

  async revoke(id: string): Promise<boolean> {
    if (!isUuid(id)) throw notFound('ApiKey');
    const result = await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected) throw notFound('ApiKey');
    return true;
  }

  /** For the gateway: the key behind a secret, or null when unknown or revoked. */
  async verify(secret: string): Promise<VerifiedKey | null> {
    if (typeof secret !== 'string' || secret.length > 200) return null;
    const key = await this.keys.findOneBy({ secretHash: hashSecret(secret), revokedAt: IsNull() });
    if (!key) return null;
    await this.keys
      .createQueryBuilder()
      .update()
      .set({ lastUsedAt: () => 'now()' })
      .where("id = :id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')", {
        id: key.id,
      })
      .execute();
    const { id, name, partner, operations, ratePerMinute } = key;
    return { id, name, partner, operations, ratePerMinute };
  }
}
