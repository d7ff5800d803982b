import { createHash, randomBytes } from 'node:crypto';
import { badInput, isUuid, notFound, optionalText, type Viewer } from '@link-archive/core';
import { IsNull, type Repository } from 'typeorm';
import { ApiKey, type ApiKeyCreated } from './api-key.entity';

const MAX_NAME = 100;
const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export class ApiKeyService {
  constructor(private readonly keys: Repository<ApiKey>) {}

  async create(admin: Viewer, rawName: string): Promise<ApiKeyCreated> {
    const name = optionalText('name', rawName, MAX_NAME);
    if (!name) throw badInput('name', 'name is required');
    // 32 random bytes: high entropy, so a fast hash is enough to store it safely
    const secret = `lak_${randomBytes(32).toString('base64url')}`;
    const apiKey = await this.keys.save(
      this.keys.create({
        name,
        prefix: secret.slice(0, 12),
        secretHash: hashSecret(secret),
        createdBy: admin.userId,
      }),
    );
    return { apiKey, secret };
  }

  async revoke(id: string): Promise<boolean> {
    if (!isUuid(id)) throw notFound('ApiKey');
    const result = await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected) throw notFound('ApiKey');
    return true;
  }

  /** For the gateway: the key behind a secret, or null when unknown or revoked. */
  async verify(secret: string): Promise<Pick<ApiKey, 'id' | 'name'> | null> {
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
    return { id: key.id, name: key.name };
  }
}
