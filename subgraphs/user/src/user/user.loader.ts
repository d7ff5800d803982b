import DataLoader from 'dataloader';
import { In, type Repository } from 'typeorm';
import { isUuid } from '@link-archive/core';
import type { User } from './user.entity';

/** One statement per batch of user ids, whatever the number of references in the request. */
export function createUserLoader(users: Repository<User>) {
  return new DataLoader<string, User | null>(
    async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await users.findBy({ id: In(valid) }) : [];
      const byId = new Map(rows.map((u) => [u.id, u]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { maxBatchSize: 500 },
  );
}
